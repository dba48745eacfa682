import { minima } from './minima.ts';
import { sources } from './sources.ts';
import type { RuleSetDefinition, YearParameters } from './rule-set.ts';

const calendarYear = (year: number): YearParameters['grantPeriod'] => ({
  value: { from: `${year}-01-01`, to: `${year}-12-31` },
  source: sources.reprint,
});

const planned = { source: sources.government2025, note: 'planerat' } as const;

/** The ordinance as reprinted by SFS 2023:946, applied from bidragsår 2024. */
export const sfs2023946: RuleSetDefinition = {
  id: 'sfs-2023-946',
  title: {
    sv: 'Förordning (2023:179) i lydelse enligt SFS 2023:946',
    en: 'Ordinance (2023:179) as amended by SFS 2023:946',
  },
  wording: 'Förordning (2023:179) om statsbidrag för personalkostnader för skolsociala team, i lydelse enligt SFS 2023:946',
  grantShare: { value: '0.5', source: sources.reprint },
  ...minima,
  skolverketFundsSocialServices: { value: 'none', source: sources.reprint },
  priorityTiers: { value: true, source: sources.reprint },
  knownDemand: {
    value: { year: 2026, appliedFor: '262000000', granted: '200000000' },
    source: sources.skolverket2026,
    note: 'cirka 262 miljoner kronor söktes, 200 miljoner beviljades till 237 huvudmän',
  },
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
    'matched-allocation',
    'member-education',
    'member-duration',
    'member-origin',
    'member-cost',
    'member-other-funding',
  ],
  settlementRules: ['settlement', 'unused-grant', 'conditions-during-year', 'matched-settlement', 'changes-to-report'],
  years: {
    2024: {
      grantPeriod: calendarYear(2024),
      requisitionWindow: { value: { from: '2024-04-22', to: '2024-05-22' }, source: sources.socialstyrelsen2024, checked: '2026-12-02' },
      skolverketAppropriation: { value: '125000000', source: sources.socialstyrelsen2024 },
      socialstyrelsenAppropriation: { value: '125000000', source: sources.socialstyrelsen2024 },
    },
    2025: {
      grantPeriod: calendarYear(2025),
      skolverketAppropriation: { value: '175000000', source: sources.government2025, note: 'uppskattning' },
      socialstyrelsenAppropriation: { value: '175000000', source: sources.government2025, note: 'uppskattning' },
    },
    2026: {
      grantPeriod: calendarYear(2026),
      applicationWindow: { value: { from: '2026-01-15', to: '2026-02-16' }, source: sources.skolverket2026, checked: '2026-12-02' },
      requisitionWindow: { value: { from: '2026-04-15', to: '2026-06-01' }, source: sources.socialstyrelsen2026, checked: '2026-12-02' },
      reportingWindow: { value: { from: '2027-01-15', to: '2027-02-15' }, source: sources.skolverket2026, checked: '2026-10-01' },
      skolverketAppropriation: { value: '200000000', source: sources.skolverket2026 },
      socialstyrelsenAppropriation: { value: '200000000', source: sources.socialstyrelsen2026 },
    },
    2027: {
      grantPeriod: calendarYear(2027),
      applicationWindow: {
        value: { from: '2027-01-15', to: '2027-02-15' },
        source: sources.skolverket2026,
        checked: '2026-10-01',
        preliminary: true,
        note: 'inte publicerad; uppskattning från tidigare år, mitten av januari–mitten av februari',
      },
      skolverketAppropriation: { value: '200000000', ...planned },
      socialstyrelsenAppropriation: { value: '200000000', ...planned },
    },
    2028: {
      grantPeriod: calendarYear(2028),
      skolverketAppropriation: { value: '200000000', ...planned },
      socialstyrelsenAppropriation: { value: '200000000', ...planned },
    },
  },
};
