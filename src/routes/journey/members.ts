/** /ansokan/{id}/team/{t}/personer: the team's members, with links to change, add or remove them. */
import type { FastifyPluginAsync } from 'fastify';
import { showDecimal } from '../../../forms/input.ts';
import { memberLabels } from '../../../forms/member.ts';
import { assessDraft } from '../../drafts/assess-draft.ts';
import type { DraftData } from '../../drafts/draft-data.ts';
import { existingTeam, loadDraft } from '../../http/draft-request.ts';
import type { Lang } from '../../../rules/types.ts';
import { personLabel, staffingWords } from '../../result-words.ts';
import { staffingLine, teamStaffing } from '../../staffing-check.ts';
import { draftPath, inLang, memberPath, teamPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { pageData } from '../../page.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.membersPage, en: words.en.membersPage };

/** After an import (?tillagda=N&overhoppade=M&borttagna=K): how many rows were added and skipped, and members replaced. */
function importedNotice(query: unknown, t: (typeof text)['sv']): string | undefined {
  const { tillagda, overhoppade, borttagna } = (query ?? {}) as { tillagda?: unknown; overhoppade?: unknown; borttagna?: unknown };
  const count = (v: unknown) => (typeof v === 'string' && /^\d{1,5}$/.test(v) ? Number(v) : undefined);
  const added = count(tillagda);
  return added === undefined ? undefined : t.imported(added, count(overhoppade) ?? 0, count(borttagna) ?? 0);
}

/**
 * Each side's lowest daily fte against the minimum, from what is saved: the team assessed on its
 * own, as the result will assess it. None while the team has no people or the answers before it
 * are not complete enough to assess.
 */
function liveStaffing(data: DraftData, index: number, lang: Lang) {
  const team = data.application.teams[index];
  if (!team?.members.length) return undefined;
  const outcome = assessDraft({ ...data, application: { ...data.application, teams: [team] } }, lang);
  if (!outcome.ok) return undefined;
  const sides = teamStaffing(outcome.assessment, 0).map((s) => staffingLine(s, lang));
  return sides.length ? { text: staffingWords[lang], sides } : undefined;
}

const members: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/team/:team/personer', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadDraft(request);
    const index = existingTeam(request, data);
    const team = data.application.teams[index];
    const t = text[lang];
    const labels = memberLabels[lang];
    return reply.view('members.eta', {
      ...pageData(lang, teamPath(draft.id, index, 'personer'), t.title(team.name)),
      text: t,
      backHref: inLang(teamPath(draft.id, index), lang),
      members: team.members.map((m) => ({
        heading: personLabel(m),
        summary: `${labels.side[m.side as keyof typeof labels.side]}, ${showDecimal(m.fte, lang)} ${t.fte}, ${m.start} – ${m.end ?? t.untilFurther}`,
        changeHref: inLang(memberPath(draft.id, index, m.id), lang),
        removeHref: inLang(memberPath(draft.id, index, m.id, 'ta-bort'), lang),
      })),
      addHref: inLang(memberPath(draft.id, index, 'ny'), lang),
      importHref: inLang(teamPath(draft.id, index, 'importera'), lang),
      exportHref: teamPath(draft.id, index, 'personal.csv'),
      shareHref: inLang(teamPath(draft.id, index, 'dela'), lang),
      historyHref: inLang(draftPath(draft.id, 'historik'), lang),
      imported: importedNotice(request.query, t),
      staffing: liveStaffing(data, index, lang),
      doneHref: inLang(draftPath(draft.id, 'team'), lang),
    });
  });
};

export default members;
