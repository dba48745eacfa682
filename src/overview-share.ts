/**
 * Sharing a draft with a kommun's overview by its submission code, the same from the result page
 * and from the API: the code must open a live overview, the draft must be assessable, for the
 * overview's bidragsår and have a team in its kommun, and hold no example the quick estimate put
 * in (a placeholder huvudman or kommun) that the user has not yet replaced. What the kommun will see is exactly the
 * overview's rows of that draft's teams in the kommun.
 */
import { municipalityName } from '../forms/municipalities.ts';
import { formatList } from '../rules/format.ts';
import type { Lang } from '../rules/types.ts';
import { asDraftData, type DraftData } from './drafts/draft-data.ts';
import type { OverviewTeam } from '../rules/overview.ts';
import type { OverviewRecord, TeamSummary } from './drafts/overviews.ts';
import type { DraftStore } from './drafts/store.ts';
import { summariseTeams } from './drafts/team-summaries.ts';
import { words } from './words/index.ts';

export type ShareProblem =
  | 'missing_submission_code'
  | 'unknown_submission_code'
  | 'not_assessable'
  | 'placeholders'
  | 'grant_year_mismatch'
  | 'no_team_in_municipality';

export type ShareCheck =
  | { ok: true; overview: OverviewRecord; teams: TeamSummary[]; shown: OverviewTeam[] }
  | { ok: false; status: 400 | 404 | 422; error: ShareProblem; message: string };

const shareMessages = { sv: words.sv.shareProblems, en: words.en.shareProblems };

/** The code as typed or pasted: surrounding space dropped. */
export const readCode = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** What the quick estimate put in that the user has not yet replaced, in words: "huvudmannen", "kommunen för Uppskattat team". */
function placeholdersIn(data: DraftData, lang: Lang): string[] {
  const m = shareMessages[lang];
  return (data.placeholders ?? []).flatMap((p) => {
    if (p === 'organiser') return [m.organiser];
    const team = data.application.teams.find((t) => `municipality:${t.id}` === p);
    return team ? [m.municipality(team.name)] : [];
  });
}

/** Whether the draft's data can be shared with the overview the code opens, and what the kommun would see. */
export async function checkShare(store: DraftStore, data: unknown, code: string, lang: Lang): Promise<ShareCheck> {
  const m = shareMessages[lang];
  if (!code) return { ok: false, status: 400, error: 'missing_submission_code', message: m.missing_submission_code() };
  const overview = await store.overviewForCode(code);
  if (!overview) return { ok: false, status: 404, error: 'unknown_submission_code', message: m.unknown_submission_code() };
  const teams = summariseTeams(data);
  if (!teams) return { ok: false, status: 422, error: 'not_assessable', message: m.not_assessable() };
  const examples = placeholdersIn(asDraftData(data), lang);
  if (examples.length) return { ok: false, status: 422, error: 'placeholders', message: m.placeholders(formatList(examples, lang)) };
  const year = teams[0].grantYear;
  if (year !== overview.grantYear) return { ok: false, status: 422, error: 'grant_year_mismatch', message: m.grant_year_mismatch(overview.grantYear, year) };
  const shown = teams
    .filter((t) => t.municipalityCode === overview.municipalityCode)
    .map(({ municipalityCode: _kommun, grantYear: _year, orgNumber: _orgNumber, ...row }) => row);
  if (!shown.length) {
    const name = municipalityName(overview.municipalityCode) ?? overview.municipalityCode;
    return { ok: false, status: 422, error: 'no_team_in_municipality', message: m.no_team_in_municipality(name) };
  }
  return { ok: true, overview, teams, shown };
}
