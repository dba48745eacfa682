/**
 * Application bodies for the benchmarks, exactly as a client would POST them to the API.
 * Built with the same builder the tests use, so every field not named here gets a valid
 * default. Deterministic: the same bodies on every run.
 */
import { buildApplication } from '../application-builder.ts';

type Json = Record<string, unknown>;

/** Employer cost rate (personalomkostnadspålägg) used for every member. */
const EMPLOYER_COST_RATE = '0.3142';

/**
 * A typical application: one municipal team for grant year 2026 with four members, two on
 * each side. The social-services side is a part-time pair (0.50 + 0.50); one school-side
 * member joins mid-year. Eligible: 1.00 school fte all year (1.50 from mid-March), 1.00
 * social-services fte, 2.00 or more in total.
 */
export function typicalApplication(): Json {
  return buildApplication({
    grantYear: 2026,
    organiser: { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' },
    teams: [
      {
        name: 'Skolsocialt team Norra',
        schoolForms: ['grundskola', 'anpassad_grundskola'],
        municipalityCode: '0180',
        members: [
          {
            side: 'school',
            role: 'Skolkurator',
            fte: '1.00',
            start: '2024-08-15',
            education: 'psychosocial_degree',
            monthlySalary: '42000',
            employerCostRate: EMPLOYER_COST_RATE,
          },
          {
            side: 'school',
            role: 'Skolpsykolog',
            fte: '0.50',
            start: '2026-03-16',
            education: 'psychosocial_degree',
            monthlySalary: '46500',
            employerCostRate: EMPLOYER_COST_RATE,
          },
          {
            side: 'social_services',
            role: 'Socialsekreterare',
            fte: '0.50',
            start: '2025-01-07',
            education: 'socionomexamen',
            monthlySalary: '38500',
            employerCostRate: EMPLOYER_COST_RATE,
          },
          {
            side: 'social_services',
            role: 'Socialsekreterare',
            fte: '0.50',
            start: '2025-08-01',
            end: '2027-06-30',
            education: 'socionomexamen',
            monthlySalary: '38500',
            employerCostRate: EMPLOYER_COST_RATE,
          },
        ],
      },
    ],
  });
}

export const LARGE_TEAMS = 20;
export const LARGE_MEMBERS_PER_TEAM = 20;

/**
 * A large application: 20 teams of 20 members (400 members), the most teams the API takes.
 * Each team has ten members on each side with varied fte, salaries and start dates; the
 * last member of each side joins mid-year.
 */
export function largeApplication(): Json {
  const fteCycle = ['1.00', '0.75', '0.50', '1.00', '0.80'];
  const teams = Array.from({ length: LARGE_TEAMS }, (_, t) => ({
    name: `Skolsocialt team ${t + 1}`,
    schoolForms: t % 3 === 0 ? ['grundskola', 'forskoleklass'] : t % 3 === 1 ? ['gymnasieskola'] : ['grundskola'],
    municipalityCode: '0180',
    status: t % 2 === 0 ? 'existing' : 'new',
    members: Array.from({ length: LARGE_MEMBERS_PER_TEAM }, (_, m) => {
      const school = m % 2 === 0;
      const lastOfSide = m >= LARGE_MEMBERS_PER_TEAM - 2;
      return {
        side: school ? 'school' : 'social_services',
        role: school ? 'Skolkurator' : 'Socialsekreterare',
        fte: fteCycle[(t + m) % fteCycle.length],
        start: lastOfSide ? '2026-06-15' : `202${4 + (m % 2)}-0${1 + (m % 9)}-01`,
        education: school ? 'psychosocial_degree' : 'socionomexamen',
        monthlySalary: String(school ? 42000 + 250 * ((t + m) % 8) : 38500 + 250 * ((t + m) % 8)),
        employerCostRate: EMPLOYER_COST_RATE,
      };
    }),
  }));
  return buildApplication({ grantYear: 2026, teams });
}
