/** Every word the service shows, in English: the same shape as Swedish (sv.ts), checked by TypeScript. */
import type { Words } from './sv.ts';

export const en: Words = {
  labels: {
    outcome: { pass: 'Met', fail: 'Not met', warn: 'Met, note', review: 'Needs review', info: 'Information' },
    teamStatus: {
      eligible: 'Meets the conditions',
      eligible_aggregate_only: "Meets the conditions together with the organiser's other teams (lower priority)",
      needs_review: 'Needs review',
      not_eligible: 'Does not meet the conditions',
    },
    applicationStatus: {
      eligible: 'The application meets the conditions for a grant',
      needs_review: 'The application needs review',
      not_eligible: 'The application does not meet the conditions for a grant',
    },
    amount: {
      grant: "Skolverket's grant",
      matched: "Socialstyrelsen's amount to the municipality",
      usable: 'Part the municipality may use',
      risk: 'Risk of repayment',
    },
    staffingSuggestion: (fte, months, extraCost, schoolBasis) =>
      `${fte} more fte from social services for ${months} months (${extraCost} more cost${schoolBasis ? ", at the school's average cost" : ''})`,
  },

  count: {
    people: { one: 'person', other: 'people' },
    teams: { one: 'team', other: 'teams' },
    changes: { one: 'change', other: 'changes' },
  },

  estimate: {
    title: 'Quick estimate of the grant',
    lead: 'No team in place yet? Enter rough figures and the tool applies the same rules as for a full application. Nothing is saved.',
    grantYear: 'Grant year',
    municipality: 'Municipality whose social services will take part',
    municipalityHint: "Socialstyrelsen's amount is paid to that municipality.",
    municipalityChoose: 'Choose a municipality',
    school: 'School staff',
    social: 'Social-services staff',
    fte: 'Total fte',
    fteHint: 'For example 1.5 for one full-time and one half-time post.',
    cost: 'Monthly cost per full-time post including employer costs, kronor',
    costHint: 'For example 55 000.',
    months: 'Number of months',
    monthsHint: 'Counted from the start of the grant period, 1–12.',
    calculate: 'Calculate',
    result: 'The estimate',
    assumptionsHeading: 'What the estimate assumes',
    team: (municipality, from, to) => `A new team for grundskola in ${municipality}, ${from} – ${to}.`,
    people: (all, school, social) => `${all}: ${school} from the school and ${social} from social services, each at most full time.`,
    assumed: [
      'Everyone has relevant education.',
      'Everyone is newly engaged for the team from the start of the period, on an open-ended contract.',
      'The whole cost per full-time post counts; no other funding pays any part of it.',
    ],
    capped: 'The grant period is shorter than that many months; the estimate covers the whole grant period.',
    staffing: { pass: 'The staffing is enough for a grant', fail: 'The staffing is not enough for a grant', review: 'The staffing needs review' },
    amounts: 'Amounts',
    noMatched: "Socialstyrelsen's amounts to municipalities are granted from grant year 2024.",
    riskHeading: "The municipality's part and the risk of repayment",
    riskWhy: (municipality, matched) =>
      `Socialstyrelsen gives ${municipality} as much as Skolverket grants the organiser for the team, ${matched}. The municipality may use at most half its own cost for the social-services staff in the team.`,
    riskLeft: (usable, risk) => `Here half the cost is ${usable}. The rest, ${risk}, the municipality may have to repay.`,
    noRisk: 'Here half the cost is at least as much, so the municipality may use the whole amount.',
    removeRisk: (suggestion) => `To remove the risk: ${suggestion}. Then the municipality may use the whole amount.`,
    startDraft: 'Start an application with these figures',
    startHint: 'A draft is created with the team above. Then change the organiser and the people to your own.',
    failed: 'The estimate could not be calculated from these figures. Change them and try again.',
    exampleOrganiser: 'Estimate',
    exampleTeam: 'Estimated team',
    schoolRole: 'School counsellor',
    socialRole: 'Social worker',
  },
};
