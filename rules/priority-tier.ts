/**
 * Förordningen (2023:179), 8 §, lydelse SFS 2023:946 (the product ranks from bidragsår 2024
 * only):
 *
 * SUMMARY, not the ordinance's words: the whole of 8 § is missing. Searched on 2026-12-02, the
 * stored copies of the ordinance (lagen.nu/2023:179, riksdagen.se, rkrattsbaser.gov.se) could
 * be read only in their opening, in the original wording, which stops inside 5 § andra stycket.
 * The summary follows the product's rule book, which has it from a secondary source:
 *
 *   If applications exceed funds, Skolverket selects in this order: (1) keeping the
 *   årsarbetskrafter in grundskola teams previously funded, (2) new grundskola teams, (3)
 *   reinforcing existing grundskola teams, (4) gymnasieskola teams; geographic spread is also
 *   weighed.
 *
 * How the product reads it:
 *
 * 8 § förordningen (2023:179), lydelse SFS 2023:946 (agency guidance): when applications
 * exceed funds, Skolverket selects (1) keeping previously funded årsarbetskrafter in
 * grundskola teams, (2) new grundskola teams, (3) reinforcing existing grundskola teams,
 * (4) gymnasieskola teams. [D10](../docs/decisions.md#d10): the requested fte is the highest daily sum of the
 * team's funded school-side members; an existing team's previously granted fte is tier 1 and
 * any excess tier 3; no tier for a team that is not eligible or requests nothing, or for 2023.
 */
import type { RuleDefinition } from './rule.ts';
import type { Team, TeamStatus } from './types.ts';

export const priorityTierProvision: RuleDefinition = {
  id: 'priority-tier',
  title: { sv: 'Prioritetsgrupp vid urval', en: 'Priority group in selection' },
  scope: 'team',
  citation: '8 §',
  outcomes: [],
  guidance: true,
  summary: {
    sv: 'Om ansökningarna är fler än pengarna räcker till väljer Skolverket i denna ordning: 1) behålla tidigare finansierade årsarbetskrafter i team i grundskolan, 2) nya team i grundskolan, 3) förstärkning av befintliga team i grundskolan, 4) team i gymnasieskolan. Verktyget visar i vilken prioritetsgrupp teamets sökta skolpersonal hamnar. Ingen prioritet visas för 2023, då urvalsordningen inte är bekräftad.',
    en: "If applications exceed the funds, Skolverket selects in this order: 1) keeping previously funded full-time equivalents in grundskola teams, 2) new grundskola teams, 3) reinforcing existing grundskola teams, 4) gymnasieskola teams. The tool shows which priority group the team's requested school staff falls in. No priority is shown for 2023, as its selection order is not confirmed.",
  },
};

export interface PriorityShare {
  tier: number;
  /** Hundredths of an fte. */
  hundredths: number;
}

export function priorityShares(team: Pick<Team, 'schoolForms' | 'status'>, status: TeamStatus, requested: number, previouslyGranted: number): PriorityShare[] {
  if (status === 'not_eligible' || requested <= 0) return [];
  if (!team.schoolForms.includes('grundskola')) {
    return team.schoolForms.includes('gymnasieskola') ? [{ tier: 4, hundredths: requested }] : [];
  }
  if (team.status === 'new') return [{ tier: 2, hundredths: requested }];
  if (previouslyGranted <= 0) return [{ tier: 3, hundredths: requested }];
  const kept = Math.min(requested, previouslyGranted);
  const shares = [{ tier: 1, hundredths: kept }];
  if (requested > kept) shares.push({ tier: 3, hundredths: requested - kept });
  return shares;
}
