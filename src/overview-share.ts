/**
 * Sharing a draft with a kommun's overview by its submission code, the same from the result page
 * and from the API: the code must open a live overview, the draft must be assessable, for the
 * overview's bidragsår and have a team in its kommun, and hold no example the quick estimate put
 * in (a placeholder huvudman or kommun) that the user has not yet replaced. What the kommun will see is exactly the
 * overview's rows of that draft's teams in the kommun.
 */
import { municipalityName } from '../forms/municipalities.ts';
import type { Lang } from '../rules/types.ts';
import { asDraftData, type DraftData } from './drafts/draft-data.ts';
import type { OverviewRecord, OverviewTeam, TeamSummary } from './drafts/overviews.ts';
import type { DraftStore } from './drafts/store.ts';
import { summariseTeams } from './drafts/team-summaries.ts';

export type ShareProblem = 'missing_submission_code' | 'unknown_submission_code' | 'not_assessable' | 'placeholders' | 'grant_year_mismatch' | 'no_team_in_municipality';

export type ShareCheck =
  | { ok: true; overview: OverviewRecord; teams: TeamSummary[]; shown: OverviewTeam[] }
  | { ok: false; status: 400 | 404 | 422; error: ShareProblem; message: string };

const shareMessages = {
  sv: {
    missing_submission_code: () => 'Skriv inskickningskoden som du har fått från kommunen.',
    unknown_submission_code: () => 'Koden finns inte eller gäller inte längre. Kontrollera att du har skrivit av den rätt, eller be kommunen om en ny. Inget har delats.',
    not_assessable: () => 'Ansökan saknar uppgifter och kan inte bedömas ännu. Fyll i dem först. Inget har delats.',
    placeholders: (what: string[]) => `Ansökan började som en uppskattning och har exempel i stället för era uppgifter: ${what.join(' och ')}. Fyll i era egna först. Inget har delats.`,
    organiser: 'huvudmannen',
    municipality: (team: string) => `kommunen för ${team}`,
    grant_year_mismatch: (overview: number, draft: number) => `Översikten gäller bidragsår ${overview}, men ansökan gäller ${draft}. Be kommunen om koden till översikten för ${draft}. Inget har delats.`,
    no_team_in_municipality: (name: string) => `Ansökan har inget team i ${name}, som översikten gäller. Inget har delats.`,
  },
  en: {
    missing_submission_code: () => 'Enter the submission code you got from the municipality.',
    unknown_submission_code: () => 'The code does not exist or no longer works. Check that you copied it correctly, or ask the municipality for a new one. Nothing has been shared.',
    not_assessable: () => 'The application lacks answers and cannot be assessed yet. Fill them in first. Nothing has been shared.',
    placeholders: (what: string[]) => `The application started as an estimate and has examples instead of your answers: ${what.join(' and ')}. Fill in your own first. Nothing has been shared.`,
    organiser: 'the organiser',
    municipality: (team: string) => `the municipality of ${team}`,
    grant_year_mismatch: (overview: number, draft: number) => `The overview is for grant year ${overview}, but the application is for ${draft}. Ask the municipality for the code to the overview for ${draft}. Nothing has been shared.`,
    no_team_in_municipality: (name: string) => `The application has no team in ${name}, which the overview is for. Nothing has been shared.`,
  },
};

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
  if (examples.length) return { ok: false, status: 422, error: 'placeholders', message: m.placeholders(examples) };
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
