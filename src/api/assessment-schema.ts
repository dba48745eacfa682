/**
 * The assessment as the API returns it, as a zod schema: the OpenAPI document is generated
 * from it and the tests check every response against it.
 */
import * as z from 'zod';
import { documentedApplication } from '../../forms/application.ts';
import { langQuery } from './route-schema.ts';
import { errorBody } from './schemas.ts';

const wholeKronor = z.string().regex(/^\d+$/).describe('Whole kronor (docs/decisions.md, D6)');
const fte = z.string().regex(/^\d+\.\d{2}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const range = z.object({ from: date, to: date });
const matchedFigures = z.object({ matched: wholeKronor, matchedUsable: wholeKronor, repaymentRisk: wholeKronor });

/** One part per team status that carries money (decisions D13 and D18). */
function byTeamStatus<T extends z.ZodType>(part: T) {
  return z.object({ eligible: part, eligible_aggregate_only: part, needs_review: part });
}

const fixData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('raise_fte'), side: z.enum(['school', 'social_services', 'both']), ranges: z.array(range.extend({ by: fte })) }),
  z.object({ kind: z.literal('state_education'), members: z.array(z.string()) }),
  z.object({ kind: z.literal('qualifying_education'), member: z.string(), options: z.array(z.string()) }),
  z.object({ kind: z.literal('extend_engagement'), member: z.string(), to: date }),
  z.object({ kind: z.literal('serve_school_form'), options: z.array(z.string()) }),
  z.object({ kind: z.literal('exclude_contract_education') }),
  z.object({ kind: z.literal('raise_social_services_cost'), municipalityCode: z.string(), by: wholeKronor }),
]);

export const findingSchema = z.object({
  rule: z.string(),
  scope: z.enum(['application', 'team', 'member']),
  team: z.number().int().min(0).optional(),
  member: z.string().optional(),
  outcome: z.enum(['pass', 'fail', 'warn', 'review', 'info']),
  citation: z.string(),
  message: z.string().min(1),
  fix: z.string().min(1).optional().describe('The smallest change that would make it pass, in words'),
  fixData: fixData.optional().describe('The same change as data'),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const assessmentSchema = z
  .object({
    status: z.enum(['eligible', 'needs_review', 'not_eligible']),
    grantYear: z.number().int(),
    ruleSet: z.object({ id: z.string(), title: z.string(), period: range }),
    assessedOn: date,
    lang: z.enum(['sv', 'en']),
    findings: z.array(findingSchema),
    teams: z.array(
      z.object({
        name: z.string(),
        municipalityCode: z.string(),
        period: range,
        status: z.enum(['eligible', 'eligible_aggregate_only', 'needs_review', 'not_eligible']),
        fte: z.object({ schoolMin: fte, socialServicesMin: fte, totalMin: fte }),
        staffing: z.array(range.extend({ school: fte, socialServices: fte })).describe('Daily fte per side as runs of days, qualifying members only'),
        requestedFte: fte,
        priorityTier: z.array(z.number().int().min(1).max(4)),
        priorityShares: z.array(z.object({ tier: z.number().int(), fte })),
        amounts: z.object({
          eligibleCost: wholeKronor,
          skolverketGrant: wholeKronor,
          socialServicesCost: wholeKronor,
          socialServicesGrant: wholeKronor,
          matched: wholeKronor.optional(),
          matchedUsable: wholeKronor.optional(),
          repaymentRisk: wholeKronor.optional(),
        }),
        members: z.array(
          z.object({
            id: z.string(),
            side: z.enum(['school', 'social_services']),
            counts: z.boolean(),
            funded: z.boolean(),
            eligibleCost: wholeKronor,
            grant: wholeKronor,
          }),
        ),
      }),
    ),
    amounts: z.object({
      eligibleCost: wholeKronor,
      skolverketGrant: wholeKronor,
      municipalities: z.array(
        matchedFigures.extend({
          municipalityCode: z.string(),
          byTeamStatus: byTeamStatus(matchedFigures).describe("The kommun's figures by the status of the teams they come from (docs/decisions.md, D18)"),
        }),
      ),
      byTeamStatus: byTeamStatus(matchedFigures.partial().extend({ skolverketGrant: wholeKronor })).describe(
        "The totals by the status of the teams they come from; the parts add up to amounts.skolverketGrant and to the kommuner's figures (docs/decisions.md, D18). For 2023 only skolverketGrant.",
      ),
      notice: z.string(),
      demandRatio: z.string().nullable(),
    }),
  })
  .meta({ id: 'Assessment' });

const settlementMatched = z.object({ received: wholeKronor, usable: wholeKronor, repay: wholeKronor });

/** The settlement after the year (the year after the decision, D19–D23), as POST /api/v1/settlements returns it. */
export const settlementSchema = z.object({
  grantYear: z.number().int(),
  ruleSet: z.object({ id: z.string(), title: z.string(), period: range }),
  lang: z.enum(['sv', 'en']),
  notice: z.string().min(1).describe("Every amount is the tool's estimate; the agencies decide"),
  teams: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['eligible', 'eligible_aggregate_only', 'needs_review', 'not_eligible']).describe("The carried-out team's status"),
      conditions: z.enum(['met', 'needs_review', 'not_met']).describe('docs/decisions.md, D21'),
      decided: wholeKronor,
      justified: wholeKronor.describe('Half the carried-out eligible cost of the staff Skolverket funds, without zeroing a team that is not eligible (D20)'),
      used: wholeKronor,
      unused: wholeKronor.describe('To repay to Skolverket (16 §)'),
      belowMinimum: z
        .array(range.extend({ side: z.enum(['school', 'social_services', 'total']), lowest: fte, minimum: fte }))
        .describe("For conditions not_met: every range below a minimum, alone and in the aggregate of the organiser's teams"),
      matched: settlementMatched.extend({ municipalityCode: z.string() }).describe("The kommun's matched money (D22)"),
    }),
  ),
  totals: z.object({ decided: wholeKronor, justified: wholeKronor, used: wholeKronor, unused: wholeKronor }),
  municipalities: z.array(settlementMatched.extend({ municipalityCode: z.string() })),
  changesCompared: z.boolean().describe('True when the application as applied for was given'),
  changes: z.array(
    z.object({
      member: z.string(),
      team: z.number().int().min(0),
      side: z.enum(['school', 'social_services']),
      kind: z.enum(['ended_early', 'started_later', 'fte_lowered', 'removed', 'added']),
      from: date.describe('The day the change applies from'),
      applied: z.string().nullable().optional().describe('As applied for: end date (null: open-ended), start date or fte'),
      actual: z.string().nullable().optional().describe('As carried out'),
      agencies: z.array(z.enum(['skolverket', 'socialstyrelsen'])),
      message: z.string().min(1),
    }),
  ),
  findings: z.array(findingSchema),
  assessment: assessmentSchema.describe('The assessment of the carried-out application, with the actual costs'),
});

export const errorSchemas = {
  invalidApplication: z
    .object({
      error: z.literal('invalid_application'),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    })
    .meta({ id: 'InvalidApplication' }),
  noRuleSet: z
    .object({
      error: z.literal('no_rule_set'),
      grantYear: z.number().int().optional(),
      knownYears: z.array(z.number().int()),
      message: z.string().optional(),
    })
    .meta({ id: 'NoRuleSet' }),
  noSettlementRules: z
    .object({
      error: z.literal('no_settlement_rules'),
      grantYear: z.number().int(),
      settlementYears: z.array(z.number().int()),
      message: z.string(),
    })
    .meta({ id: 'NoSettlementRules' }),
  simple: errorBody,
};

/** What both assessment routes (the assessment and its PDF) take: the application, and ?lang= for the messages. */
export const applicationRoute = { querystring: langQuery, body: documentedApplication };

/** The answers of both assessment routes to a body they cannot assess. */
export const refusedApplication = {
  400: { description: 'Every problem with the input, each with its path', json: errorSchemas.invalidApplication },
  413: { description: 'The body is larger than the limit', json: errorBody },
  422: { description: 'No rule set for the grant year', json: errorSchemas.noRuleSet },
};
