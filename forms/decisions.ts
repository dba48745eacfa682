/**
 * Skolverket's decision page of a settlement: per team the granted kronor (0 for a team not
 * granted) and the decision's date. Kronor are read as on the member page ("300 000",
 * "300 000 kr"); Skolverket decides in whole kronor. One pair of fields per team, named by the
 * team's id (grant-t1, decidedOn-t1), so the page's fields follow the teams.
 */
import * as z from 'zod';
import type { DraftTeam } from './draft-application.ts';
import { ambiguousAmount, date, decimal, type Messages } from './page-form.ts';

/** The largest grant the page accepts for one team, kronor: far above any team's maximum. */
export const MAX_TEAM_GRANT = 100_000_000;

export const grantField = (teamId: string) => `grant-${teamId}`;
export const dateField = (teamId: string) => `decidedOn-${teamId}`;

export function decisionsForm(teams: readonly Pick<DraftTeam, 'id'>[]) {
  return z.object(
    Object.fromEntries(
      teams.flatMap((t) => [
        [grantField(t.id), decimal(grantField(t.id), { min: 0, max: MAX_TEAM_GRANT, maxDecimals: 0, read: 'amount' })],
        [dateField(t.id), date(dateField(t.id))],
      ]),
    ),
  ) as z.ZodType<Record<string, string>>;
}

export function decisionsMessages(teams: readonly Pick<DraftTeam, 'id' | 'name'>[], year: number): Messages {
  return Object.fromEntries(
    teams.flatMap((t) => [
      [
        grantField(t.id),
        {
          sv: `Skriv hur många kronor Skolverket beviljade ${t.name}, i hela kronor, till exempel 300 000, eller 0 om teamet inte fick bidrag.`,
          en: `Enter how many kronor Skolverket granted ${t.name}, in whole kronor, for example 300 000, or 0 if the team was not granted.`,
        },
      ],
      [`${grantField(t.id)}_ambiguous`, ambiguousAmount],
      [
        dateField(t.id),
        {
          sv: `Skriv dagen för Skolverkets beslut om ${t.name} som ${year}-04-15 eller 15/4 ${year}.`,
          en: `Enter the date of Skolverket's decision on ${t.name} as ${year}-04-15 or 15/4 ${year}.`,
        },
      ],
    ]),
  );
}
