import { sources } from './sources.ts';
import type { RuleSetDefinition } from './rule-set.ts';

/**
 * 4 § första stycket and 5 § första stycket: the staffing minima and the shortest engagement,
 * the same in the original wording and in SFS 2023:946.
 */
export const minima: Pick<RuleSetDefinition, 'minSchoolFte' | 'minSocialServicesFte' | 'minTeamFte' | 'minEngagementMonths'> = {
  minSchoolFte: { value: '1.00', source: sources.ordinance },
  minSocialServicesFte: { value: '1.00', source: sources.ordinance },
  minTeamFte: { value: '2.00', source: sources.ordinance },
  minEngagementMonths: { value: 6, source: sources.ordinance },
};
