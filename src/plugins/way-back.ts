/**
 * The way back, on every page of a draft: the draft's link under "Spara och fortsätt senare"
 * (with a copy button when JavaScript runs), and on the journey's steps "Steg 3 av 6: Teamen".
 * A page belongs to a draft once loadDraft has found it (request.journeyDraftId), so a page for
 * a missing or deleted draft shows neither; the layout asks at render time (it.wayBack()).
 * The link holder's pages (/lank/…) never load the draft this way and never show its link.
 */
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DraftData } from '../drafts/draft-data.ts';
import { DRAFT_RETENTION_DAYS } from '../drafts/store.ts';
import { draftPath, inLang, journeySteps, settlementSteps, stepOf, type JourneyStep } from '../journey.ts';
import { langOf } from '../lang.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The id of the draft the page shows, once loaded; null on every other page. */
    journeyDraftId: string | null;
    /** The data of that draft, once loaded; null on every other page. */
    journeyData: DraftData | null;
  }
  interface FastifyReply {
    /** What @fastify/view adds to every view's data. */
    locals: Record<string, unknown>;
  }
}

const text = {
  sv: {
    heading: 'Spara och fortsätt senare',
    saved: `Utkastet sparas när du går vidare och finns kvar i ${DRAFT_RETENTION_DAYS} dagar efter senaste ändringen. Spara länken för att fortsätta senare. Den som har länken kan se och ändra utkastet.`,
    label: 'Länk till utkastet',
    copy: 'Kopiera länken',
    copied: 'Länken är kopierad.',
    step: (n: number, of: number, name: string) => `Steg ${n} av ${of}: ${name}`,
    steps: {
      grantYear: 'Bidragsår',
      organiser: 'Huvudman',
      teams: 'Teamen',
      members: 'Personerna',
      checkAnswers: 'Kontrollera dina svar',
      result: 'Resultatet',
      decisions: 'Skolverkets beslut',
      settlement: 'Redovisningen',
    },
  },
  en: {
    heading: 'Save and continue later',
    saved: `The draft is saved as you go on and kept for ${DRAFT_RETENTION_DAYS} days after the last change. Keep the link to continue later. Whoever has the link can see and change the draft.`,
    label: 'Link to the draft',
    copy: 'Copy the link',
    copied: 'The link has been copied.',
    step: (n: number, of: number, name: string) => `Step ${n} of ${of}: ${name}`,
    steps: {
      grantYear: 'Grant year',
      organiser: 'Organiser',
      teams: 'The teams',
      members: 'The people',
      checkAnswers: 'Check your answers',
      result: 'The result',
      decisions: "Skolverket's decision",
      settlement: 'The report',
    },
  },
} satisfies Record<string, { steps: Record<JourneyStep, string> } & Record<string, unknown>>;

/** The draft link's block and the step (when the page is one of the steps, shown as asked or with errors). */
export function wayBack(request: FastifyRequest, reply: FastifyReply) {
  const id = request.journeyDraftId;
  if (!id) return undefined;
  const lang = langOf(request.query);
  const t = text[lang];
  // A settlement counts its own steps (src/journey.ts).
  const steps = request.journeyData?.settlement ? settlementSteps : journeySteps;
  const step = reply.statusCode === 200 || reply.statusCode === 422 ? stepOf(request.routeOptions.url ?? '', steps) : undefined;
  return {
    text: t,
    link: `${request.protocol}://${request.host}${inLang(draftPath(id), lang)}`,
    step: step && t.step(step.number, step.of, t.steps[step.step]),
  };
}

export default fp(
  async (app) => {
    app.decorateRequest('journeyDraftId', null);
    app.decorateRequest('journeyData', null);
    app.addHook('onRequest', async (request, reply) => {
      reply.locals = { ...reply.locals, wayBack: () => wayBack(request, reply) };
    });
  },
  { name: 'way-back', dependencies: ['views'] },
);
