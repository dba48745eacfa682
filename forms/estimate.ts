/**
 * The quick estimate (/uppskattning): a few totals from finance staff, turned into a synthetic
 * one-team application that the same engine assesses as any other (parseApplication + assess).
 */
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { addDays, addMonths } from '../rules/dates.ts';
import { ruleSetFor } from '../rules/rule-sets.ts';
import type { Lang } from '../rules/types.ts';
import type { DraftApplication, DraftMember } from './draft-application.ts';
import { grantYearOptions } from './grant-year.ts';
import { isMunicipalityCode } from './municipalities.ts';
import { ambiguousAmount, choice, decimal, type Messages } from './page-form.ts';
import { keptConfirmations, memberQuestions, salaryQuestion, sideQuestion, unanswered, type Confirmed, type Question } from './plausible.ts';

/** A team holds at most 50 members (the API's limit), so each side's fte is at most 25. */
export const MAX_SIDE_FTE = 25;

export const estimateForm = z.object({
  grantYear: choice('grantYear', grantYearOptions).transform(Number),
  municipalityCode: z.string({ error: 'municipalityCode' }).refine(isMunicipalityCode, 'municipalityCode'),
  schoolFte: decimal('schoolFte', { min: 0, exclusiveMin: true, max: MAX_SIDE_FTE, maxDecimals: 2, places: 2 }),
  socialFte: decimal('socialFte', { min: 0, exclusiveMin: true, max: MAX_SIDE_FTE, maxDecimals: 2, places: 2 }),
  schoolCost: decimal('schoolCost', { min: 0, max: 10_000_000, maxDecimals: 2, read: 'amount' }),
  socialCost: decimal('socialCost', { min: 0, max: 10_000_000, maxDecimals: 2, read: 'amount' }),
  months: decimal('months', { min: 1, max: 12, maxDecimals: 0 }).transform(Number),
});

export type Estimate = z.output<typeof estimateForm>;

export const estimateMessages: Messages = {
  grantYear: {
    sv: `Välj bidragsår, ${grantYearOptions[0]}–${grantYearOptions.at(-1)}.`,
    en: `Choose the grant year, ${grantYearOptions[0]}–${grantYearOptions.at(-1)}.`,
  },
  municipalityCode: {
    sv: 'Välj kommunen vars socialtjänst ska delta i teamet. Socialstyrelsens belopp och risken att betala tillbaka gäller den kommunen.',
    en: "Choose the municipality whose social services will take part in the team. Socialstyrelsen's amount and the risk of repayment concern that municipality.",
  },
  schoolFte: {
    sv: `Skriv skolpersonalens tjänstgöringsgrad sammanlagt, till exempel 1,5. Den ska vara större än 0 och högst ${MAX_SIDE_FTE}.`,
    en: `Enter the school staff's total fte, for example 1.5. It must be above 0 and at most ${MAX_SIDE_FTE}.`,
  },
  socialFte: {
    sv: `Skriv socialtjänstens tjänstgöringsgrad sammanlagt, till exempel 1. Den ska vara större än 0 och högst ${MAX_SIDE_FTE}.`,
    en: `Enter the social-services staff's total fte, for example 1. It must be above 0 and at most ${MAX_SIDE_FTE}.`,
  },
  schoolCost: {
    sv: 'Skriv skolpersonalens månadskostnad per heltid i kronor, till exempel 55 000.',
    en: "Enter the school staff's monthly cost per full-time post in kronor, for example 55 000.",
  },
  socialCost: {
    sv: 'Skriv socialtjänstens månadskostnad per heltid i kronor, till exempel 52 000.',
    en: "Enter social services' monthly cost per full-time post in kronor, for example 52 000.",
  },
  schoolCost_ambiguous: ambiguousAmount,
  socialCost_ambiguous: ambiguousAmount,
  months: { sv: 'Skriv antal månader, ett heltal från 1 till 12.', en: 'Enter the number of months, a whole number from 1 to 12.' },
};

/** The estimate's unusual figures not yet confirmed: a cost per post outside 15 000–150 000 kr, a side above 10 fte. */
export function estimateQuestions(estimate: Estimate, confirmed: Confirmed, lang: Lang): Question[] {
  return unanswered(
    [
      salaryQuestion('schoolCost', estimate.schoolCost, lang, { cost: true }),
      salaryQuestion('socialCost', estimate.socialCost, lang, { cost: true }),
      sideQuestion('schoolFte', 'school', new Decimal(estimate.schoolFte), lang),
      sideQuestion('socialFte', 'social_services', new Decimal(estimate.socialFte), lang),
    ],
    confirmed,
  );
}

/** "2.50" → ["1.00", "1.00", "0.50"]: one member per full post, the rest in the last one. */
export function splitFte(total: string): string[] {
  const parts: string[] = [];
  let left = new Decimal(total);
  while (left.gt(0)) {
    const part = Decimal.min(left, 1);
    parts.push(part.toFixed(2));
    left = left.minus(part);
  }
  return parts;
}

/** The team's period: `months` months from the grant period's start, never past its end. */
export function estimatePeriod(grantYear: number, months: number): { from: string; to: string; capped: boolean } {
  const grantPeriod = ruleSetFor(grantYear)!.year.grantPeriod.value;
  const end = addDays(addMonths(grantPeriod.from, months), -1);
  return end > grantPeriod.to ? { from: grantPeriod.from, to: grantPeriod.to, capped: true } : { from: grantPeriod.from, to: end, capped: false };
}

/**
 * The names the synthetic application gives its example huvudman, team and roles, in the
 * user's language: the caller takes them from its word catalogue (the forms hold no page words).
 */
export interface EstimateNames {
  exampleOrganiser: string;
  exampleTeam: string;
  schoolRole: string;
  socialRole: string;
}

/**
 * The synthetic application: one new grundskola team in the chosen kommun, school and
 * social-services members newly engaged for the team from the first day of its period and
 * open-ended (so they last long enough), with qualifying education, the cost per full-time post
 * as the monthly salary with no separate employer-cost rate and no other funding. The estimate
 * page says each of these in words (words.estimate.assumed).
 */
export function estimateApplication(
  estimate: Estimate,
  names: EstimateNames,
  lang: Lang,
): { application: DraftApplication; nextMember: number; capped: boolean; confirmed: Record<string, Confirmed> } {
  const period = estimatePeriod(estimate.grantYear, estimate.months);
  const members: DraftMember[] = [];
  const add = (side: 'school' | 'social_services', fte: string, cost: string) => {
    for (const part of splitFte(fte)) {
      members.push({
        id: `p${members.length + 1}`,
        side,
        role: side === 'school' ? names.schoolRole : names.socialRole,
        engagement: 'employment',
        fte: part,
        start: period.from,
        end: null,
        education: side === 'school' ? 'psychosocial_degree' : 'socionomexamen',
        educationNote: '',
        origin: 'new',
        monthlySalary: cost,
        employerCostRate: '0',
        otherFundingShare: '0',
      });
    }
  };
  add('school', estimate.schoolFte, estimate.schoolCost);
  add('social_services', estimate.socialFte, estimate.socialCost);
  return {
    application: {
      grantYear: estimate.grantYear,
      organiser: { name: names.exampleOrganiser, orgNumber: '212000-0142', type: 'municipal' },
      teams: [
        {
          id: 't1',
          name: names.exampleTeam,
          schoolForms: ['grundskola'],
          municipalityCode: estimate.municipalityCode,
          period: { from: period.from, to: period.to },
          status: 'new',
          previouslyGrantedFte: '0',
          contractEducation: false,
          members,
        },
      ],
    },
    nextMember: members.length + 1,
    capped: period.capped,
    // The figures were confirmed on the estimate page, so the members' own questions are answered.
    confirmed: Object.fromEntries(
      members.flatMap((m) => {
        const kept = keptConfirmations(
          memberQuestions(
            m,
            members.filter((o) => o !== m),
            {},
            lang,
          ).all,
        );
        return kept ? [[m.id, kept]] : [];
      }),
    ),
  };
}
