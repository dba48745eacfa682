/**
 * /importera: open a summary PDF made by the tool and continue from it. The application summary
 * carries the application as an attachment, the redovisning summary the settlement's input (the
 * application as carried out, the decisions with their dates and the application as applied
 * for); a new draft, or a new settlement draft, is made from it and the user lands on "check
 * your answers". Nothing is saved unless the file is such a PDF with a valid application.
 * The file is read in the worker pool, with its limits checked before parsing
 * (src/pdf/attachments.ts); a file beyond them gets its own message, never a 5xx.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseApplication } from '../../../forms/application.ts';
import { parseSettlement, withDecisionDates } from '../../../forms/settlement.ts';
import type { FieldError } from '../../../forms/page-form.ts';
import type { Lang } from '../../../rules/types.ts';
import { withIds, type DraftData } from '../../drafts/draft-data.ts';
import type { DraftApplicationInput } from '../../../forms/draft-application.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { renderForm } from '../../page.ts';
import { refusedAs } from '../../plugins/worker-pool.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.importSummary, en: words.en.importSummary };

function renderPage(reply: FastifyReply, lang: Lang, errors: FieldError[] = []) {
  const t = text[lang];
  return renderForm(reply, 'import-summary.eta', {
    lang,
    path: '/importera',
    title: t.title,
    text: t,
    errors,
    action: inLang('/importera', lang),
    backHref: inLang('/', lang),
  });
}

/** A new draft's data from the application summary's ansokan.json; undefined when it is not a valid application. */
function applicationDraft(input: unknown, lang: Lang): DraftData | undefined {
  const parsed = parseApplication(input, lang);
  return parsed.ok ? withIds(parsed.application as unknown as DraftApplicationInput) : undefined;
}

/**
 * A new settlement draft's data from the redovisning summary's redovisning.json: the carried-out
 * application with team ids t1, t2, … in order, the applied-for one beside it with the same ids
 * (the carried-out one when the file has none), and each team's decision with its date. The
 * member counters run past the ids of both. Undefined when it is not a valid settlement.
 */
function settlementDraft(input: unknown, lang: Lang): DraftData | undefined {
  const parsed = parseSettlement(input, lang);
  if (!parsed.ok) return undefined;
  const { application, decision, applied } = withDecisionDates(parsed.input, input);
  const asApplied = withIds((applied ?? application) as unknown as DraftApplicationInput);
  const carriedOut = withIds(application as unknown as DraftApplicationInput);
  const decisions = Object.fromEntries(carriedOut.application.teams.map((team, i) => [team.id, decision.teams[i]]));
  return {
    application: carriedOut.application,
    nextTeam: Math.max(carriedOut.nextTeam, asApplied.nextTeam),
    nextMember: Math.max(carriedOut.nextMember, asApplied.nextMember),
    settlement: { applied: asApplied.application, decisions },
  };
}

const importSummary: FastifyPluginAsync = async (app) => {
  app.get('/importera', async (request, reply) => renderPage(reply, langOf(request.query)));

  app.post('/importera', async (request, reply) => {
    const lang = langOf(request.query);
    const file = (request.body as { file?: unknown } | undefined)?.file;
    if (!Buffer.isBuffer(file) || file.length === 0) return renderPage(reply, lang, [{ field: 'file', message: text[lang].missing }]);
    const attached = await app.work({ kind: 'readAttachments', bytes: file }).catch(refusedAs('tooHeavy'));
    if (!attached.ok) return renderPage(reply, lang, [{ field: 'file', message: text[lang][attached.problem] }]);
    const data = attached.settlement === undefined ? applicationDraft(attached.application, lang) : settlementDraft(attached.settlement, lang);
    if (!data) return renderPage(reply, lang, [{ field: 'file', message: text[lang].notSummary }]);
    const draft = await app.drafts.create(data);
    return reply.redirect(inLang(draftPath(draft.id, 'kontrollera'), lang), 303);
  });
};

export default importSummary;
