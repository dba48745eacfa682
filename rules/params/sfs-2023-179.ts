import { minima } from './minima.ts';
import { sources } from './sources.ts';
import type { RuleSetDefinition } from './rule-set.ts';

/** The ordinance in its original wording, applied to bidragsår 2023 only. */
export const sfs2023179: RuleSetDefinition = {
  id: 'sfs-2023-179',
  title: {
    sv: 'Förordning (2023:179), ursprunglig lydelse',
    en: 'Ordinance (2023:179), original wording',
  },
  wording: 'Förordning (2023:179) om statsbidrag för personalkostnader för skolsociala team, ursprunglig lydelse',
  grantShare: { value: '0.5', source: sources.skolverket2023 },
  ...minima,
  skolverketFundsSocialServices: { value: 'not_independent', source: sources.skolverket2023 },
  priorityTiers: { value: false, source: sources.ordinance, note: 'urvalsordningen för 2023 är inte bekräftad' },
  knownDemand: undefined,
  rules: [
    'grant-year',
    'organiser-type',
    'application-window',
    'team-total-fte',
    'school-staff-fte',
    'social-services-fte',
    'school-forms',
    'contract-education',
    'team-status',
    'member-education',
    'member-duration',
    'member-origin',
    'member-cost',
    'member-other-funding',
    'independent-own-staff',
  ],
  years: {
    2023: {
      grantPeriod: { value: { from: '2023-05-10', to: '2023-12-31' }, source: sources.skolverket2023 },
      applicationWindow: { value: { from: '2023-09-15', to: '2023-10-16' }, source: sources.skolverket2023, checked: '2026-12-02' },
      skolverketAppropriation: {
        value: '75000000',
        source: sources.skolverket2023,
        note: '74 999 951 kr beviljades till 124 huvudmän',
      },
    },
  },
};
