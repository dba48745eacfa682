/**
 * Every provision the engine encodes, in the order a reader meets them: the rules that give
 * findings, then the calculations behind the amounts, then the settlement after the year
 * (the settlement after the year). The rule documentation, the rule-set API and the start page are generated
 * from this list.
 */
import { applicationWindow } from './application-window.ts';
import { changesToReport } from './changes-to-report.ts';
import { conditionsDuringYear } from './conditions-during-year.ts';
import { contractEducation } from './contract-education.ts';
import { grantYear } from './grant-year.ts';
import { independentOwnStaff } from './independent-own-staff.ts';
import { matchedAllocation } from './matched-allocation.ts';
import { matchedSettlement } from './matched-settlement.ts';
import { memberCostProvision } from './member-cost.ts';
import { memberDuration } from './member-duration.ts';
import { memberEducation } from './member-education.ts';
import { memberOrigin } from './member-origin.ts';
import { memberOtherFunding } from './member-other-funding.ts';
import { organiserType } from './organiser-type.ts';
import { priorityTierProvision } from './priority-tier.ts';
import type { RuleDefinition } from './rule.ts';
import { schoolForms } from './school-forms.ts';
import { schoolStaffFte } from './school-staff-fte.ts';
import { settlementProvision } from './settlement-notice.ts';
import { skolverketGrantProvision } from './skolverket-grant.ts';
import { socialServicesFte } from './social-services-fte.ts';
import { teamStatusProvision } from './team-status.ts';
import { teamTotalFte } from './team-total-fte.ts';
import { unusedGrant } from './unused-grant.ts';

export const ruleCatalogue: { findings: RuleDefinition[]; calculations: RuleDefinition[]; settlement: RuleDefinition[] } = {
  findings: [
    grantYear,
    organiserType,
    applicationWindow,
    schoolForms,
    contractEducation,
    teamTotalFte,
    schoolStaffFte,
    socialServicesFte,
    memberEducation,
    memberDuration,
    memberOrigin,
    memberCostProvision,
    memberOtherFunding,
    independentOwnStaff,
    matchedAllocation,
  ],
  calculations: [teamStatusProvision, skolverketGrantProvision, priorityTierProvision],
  settlement: [settlementProvision, unusedGrant, conditionsDuringYear, matchedSettlement, changesToReport],
};

/** The definition of a rule a rule set names; every name is in the catalogue (tested). */
export function ruleDefinition(id: string): RuleDefinition {
  const rule = [...ruleCatalogue.findings, ...ruleCatalogue.calculations, ...ruleCatalogue.settlement].find((r) => r.id === id);
  if (!rule) throw new Error(`Unknown rule ${id}`);
  return rule;
}
