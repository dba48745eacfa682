/**
 * /lank/{token}: what the holder of a hand-off link sees — one team's school-staff or
 * social-services members, to add, change and remove, and nothing else of the draft. The side
 * is fixed to the link's: a POST that tries to change it, or to touch a member of the other side
 * or of another team, gets 403. A revoked or expired link, or one whose team has been removed,
 * gets 404 ("Länken gäller inte längre"). The link names its team by id, so it follows the team
 * wherever it moves in the list. A team cannot get more members than the journey allows.
 * Every change is recorded in the draft's history under the link's label. The page says whose
 * application it is, the bidragsår, the team and the side, and the rule the side must meet; "Jag
 * är klar" (POST …/klar) tells the coordinator, on the team's share page and in the history.
 * A member's page is the coordinator's (src/pages/member.ts), with the link's side only.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { showDecimal } from '../../forms/input.ts';
import { memberLabels } from '../../forms/member.ts';
import { ruleSetFor } from '../../rules/rule-sets.ts';
import { asDraftData, type DraftData } from '../drafts/draft-data.ts';
import { memberEvent, type HandoffLink, type HistoryEvent } from '../drafts/handoff.ts';
import type { Draft } from '../drafts/store.ts';
import { exampleYear } from '../grant-round.ts';
import { inLang } from '../journey.ts';
import { langOf, showDate, todayInSweden } from '../lang.ts';
import { pageData } from '../page.ts';
import { type MemberPlace, saveMember, showMember } from '../pages/member.ts';
import { renderRemoveMember } from '../pages/remove-member.ts';
import { personLabel } from '../result-words.ts';
import { words } from '../words/index.ts';

const text = { sv: words.sv.handoffSection, en: words.en.handoffSection };

interface Section {
  link: HandoffLink;
  draft: Draft;
  data: DraftData;
  team: number;
  base: string;
}

/** A page that ends the request: 404 for a link no longer in force, 403 for a step outside the section. */
function refuse(request: FastifyRequest, reply: FastifyReply, status: 403 | 404) {
  const lang = langOf(request.query);
  const [heading, advice] = text[lang][status === 404 ? 'gone' : 'forbidden'];
  return reply.status(status).view('error.eta', { ...pageData(lang, request.url.split('?')[0], heading), heading, advice });
}

/** The link's section, or undefined when the link, its draft or its team is gone. */
async function loadSection(request: FastifyRequest): Promise<Section | undefined> {
  const { token } = request.params as { token: string };
  const link = await request.server.drafts.getLink(token);
  if (!link) return undefined;
  const draft = await request.server.drafts.get(link.draftId);
  if (!draft) return undefined;
  const data = asDraftData(draft.data);
  const team = data.application.teams.findIndex((t) => t.id === link.teamId);
  if (team < 0) return undefined;
  return { link, draft, data, team, base: `/lank/${link.token}` };
}

/**
 * The member named by :member in the link's team and side: its index, 'ny', 'forbidden' (another
 * side or another team) or 'unknown'.
 */
function sectionMember(request: FastifyRequest, s: Section, { allowNew = false } = {}): number | 'ny' | 'forbidden' | 'unknown' {
  const { member } = request.params as { member: string };
  if (allowNew && member === 'ny') return 'ny';
  const index = s.data.application.teams[s.team].members.findIndex((m) => m.id === member);
  if (index >= 0) return s.data.application.teams[s.team].members[index].side === s.link.side ? index : 'forbidden';
  return s.data.application.teams.some((t) => t.members.some((m) => m.id === member)) ? 'forbidden' : 'unknown';
}

/** Saves the section's draft (refusing to overwrite a save made since it was read) and records the change. */
async function saveSection(request: FastifyRequest, s: Section, change: HistoryEvent) {
  const saved = await request.server.drafts.save(s.draft.id, s.data, { expectedVersion: s.draft.version });
  if (saved) await request.server.drafts.addHistory(s.draft.id, `link:${s.link.side}`, change);
  return saved;
}

/** The member page in the link's section: its side only, saved under the link's label, then back to the section. */
function memberPlace(request: FastifyRequest, reply: FastifyReply, s: Section): MemberPlace {
  const lang = langOf(request.query);
  return {
    data: s.data,
    team: s.team,
    path: (member) => `${s.base}/person/${member}`,
    action: (path) => inLang(path, lang),
    backHref: inLang(s.base, lang),
    side: s.link.side,
    save: async (change) => ((await saveSection(request, s, change)) ? undefined : refuse(request, reply, 404)),
    next: inLang(s.base, lang),
  };
}

const handoffSection: FastifyPluginAsync = async (app) => {
  app.get('/lank/:token', async (request, reply) => {
    const s = await loadSection(request);
    if (!s) return refuse(request, reply, 404);
    const lang = langOf(request.query);
    const t = text[lang];
    const labels = memberLabels[lang];
    const { application } = s.data;
    const team = application.teams[s.team];
    const ruleSet = ruleSetFor(exampleYear(application.grantYear, todayInSweden()));
    const minFte = ruleSet && (s.link.side === 'school' ? ruleSet.minSchoolFte : ruleSet.minSocialServicesFte).value;
    return reply.view('handoff-section.eta', {
      ...pageData(lang, s.base, t.title(labels.side[s.link.side], team.name)),
      text: t,
      context: [
        [t.application, application.organiser?.name ?? t.missing],
        [t.grantYear, application.grantYear === undefined ? t.missing : String(application.grantYear)],
        [t.team, team.name],
        [t.side, labels.side[s.link.side]],
      ],
      rule: ruleSet && minFte && t.rule(showDecimal(minFte, lang), ruleSet.minEngagementMonths.value),
      done: s.link.doneAt && t.doneAt(showDate(s.link.doneAt)),
      doneAction: inLang(`${s.base}/klar`, lang),
      csrfToken: reply.generateCsrf(),
      expires: s.link.expiresAt.slice(0, 10),
      members: team.members
        .filter((m) => m.side === s.link.side)
        .map((m) => ({
          heading: personLabel(m),
          summary: `${showDecimal(m.fte, lang)} ${t.fte}, ${m.start} – ${m.end ?? t.untilFurther}`,
          changeHref: inLang(`${s.base}/person/${m.id}`, lang),
          removeHref: inLang(`${s.base}/person/${m.id}/ta-bort`, lang),
        })),
      addHref: inLang(`${s.base}/person/ny`, lang),
    });
  });

  app.post('/lank/:token/klar', async (request, reply) => {
    const s = await loadSection(request);
    if (!s || !(await app.drafts.markLinkDone(s.link.token, s.data.application.teams[s.team].name))) return refuse(request, reply, 404);
    return reply.redirect(inLang(s.base, langOf(request.query)), 303);
  });

  app.get('/lank/:token/person/:member', async (request, reply) => {
    const s = await loadSection(request);
    if (!s) return refuse(request, reply, 404);
    const index = sectionMember(request, s, { allowNew: true });
    if (index === 'unknown') return refuse(request, reply, 404);
    if (index === 'forbidden') return refuse(request, reply, 403);
    return showMember(request, reply, memberPlace(request, reply, s), index);
  });

  app.post('/lank/:token/person/:member', async (request, reply) => {
    const s = await loadSection(request);
    if (!s) return refuse(request, reply, 404);
    const index = sectionMember(request, s, { allowNew: true });
    if (index === 'unknown') return refuse(request, reply, 404);
    if (index === 'forbidden') return refuse(request, reply, 403);
    const { side } = (request.body ?? {}) as { side?: unknown };
    if (side !== undefined && side !== s.link.side) return refuse(request, reply, 403);
    return saveMember(request, reply, memberPlace(request, reply, s), index, request.body);
  });

  app.get('/lank/:token/person/:member/ta-bort', async (request, reply) => {
    const s = await loadSection(request);
    if (!s) return refuse(request, reply, 404);
    const index = sectionMember(request, s);
    if (index === 'unknown') return refuse(request, reply, 404);
    if (index === 'forbidden' || index === 'ny') return refuse(request, reply, 403);
    const lang = langOf(request.query);
    const member = s.data.application.teams[s.team].members[index];
    return renderRemoveMember(reply, { lang, path: `${s.base}/person/${member.id}/ta-bort`, backHref: inLang(s.base, lang), member });
  });

  app.post('/lank/:token/person/:member/ta-bort', async (request, reply) => {
    const s = await loadSection(request);
    if (!s) return refuse(request, reply, 404);
    const index = sectionMember(request, s);
    if (index === 'unknown') return refuse(request, reply, 404);
    if (index === 'forbidden' || index === 'ny') return refuse(request, reply, 403);
    const [removed] = s.data.application.teams[s.team].members.splice(index, 1);
    if (!(await saveSection(request, s, memberEvent('member_removed', s.data.application.teams[s.team], removed.id)))) return refuse(request, reply, 404);
    return reply.redirect(inLang(s.base, langOf(request.query)), 303);
  });
};

export default handoffSection;
