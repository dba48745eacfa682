/**
 * The JSON shapes of the API's routes other than the assessment (assessment-schema.ts), as zod
 * schemas: the routes declare them, /openapi.json is generated from them and the tests check
 * every answer against them.
 */
import * as z from 'zod';

const wholeKronor = z.string().regex(/^\d+$/);
const timestamp = z.iso.datetime({ offset: true });

/** Every problem with a body, each with its dotted path. */
const issues = z.array(z.object({ path: z.string(), message: z.string() }));

export const errorBody = z.object({ error: z.string() }).meta({ id: 'Error' });

export const healthSchemas = {
  alive: z.object({ status: z.literal('ok') }),
  ready: z.object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.object({ database: z.enum(['ok', 'unavailable']), eventLoop: z.enum(['ok', 'overloaded']) }),
  }),
};

const source = z.object({ title: z.string(), url: z.string(), confidence: z.enum(['P', 'G', 'S']) });

export const ruleSetSchemas = {
  list: z.object({
    ruleSets: z.array(z.object({ id: z.string(), title: z.string(), wording: z.string(), grantYears: z.array(z.number().int()) })),
  }),
  one: z.object({
    id: z.string(),
    title: z.string(),
    wording: z.string(),
    grantYear: z.number().int(),
    parameters: z
      .record(z.string(), z.object({ value: z.unknown(), source, note: z.string().optional() }))
      .describe('Each parameter with its value and source'),
    rules: z.array(
      z.object({
        id: z.string(),
        scope: z.string(),
        citation: z.string(),
        outcomes: z.array(z.enum(['pass', 'fail', 'warn', 'review', 'info'])),
        text: z.string().describe('What the provision asks, in plain language'),
        guidance: z.boolean().describe("True where the reading rests on the agencies' guidance rather than the ordinance's words"),
      }),
    ),
    sources: z.array(source),
  }),
};

const draftLinks = z.object({ self: z.string(), page: z.string() });

export const draftSchemas = {
  /** What POST and PUT take: an application that may still be incomplete. */
  body: z
    .looseObject({})
    .describe(
      'An application in the shape of Application. Any field may be missing, null or empty; every value given is checked as in Application (numbers as JSON numbers or strings, normalised to strings), at most 20 teams of at most 50 members. Teams and members may carry an id (letters, digits, - and _; unique); those without get the next t1, t2, … and p1, p2, …. Hand-off links follow a team by its id: a team left out is removed, and its links stop working.',
    )
    .meta({ id: 'DraftApplication' }),
  created: z.object({ id: z.string(), version: z.number().int(), links: draftLinks }).meta({ id: 'DraftCreated' }),
  draft: z
    .object({ id: z.string(), version: z.number().int(), application: z.looseObject({}), updatedAt: timestamp, expiresAt: timestamp })
    .meta({ id: 'Draft' }),
  invalid: z.object({ error: z.literal('invalid_draft'), issues }).meta({ id: 'InvalidDraft' }),
  conflict: z.object({ error: z.literal('version_conflict'), expectedVersion: z.number().int(), version: z.number().int() }),
};

const amounts = { skolverketGrant: wholeKronor, matched: wholeKronor, matchedUsable: wholeKronor, repaymentRisk: wholeKronor };
/** Which overview: the kommun and the grant year. */
const which = { municipalityCode: z.string(), municipality: z.string(), grantYear: z.number().int(), expiresAt: timestamp };

const overviewTeam = z
  .object({
    organiser: z.object({ name: z.string(), type: z.enum(['municipal', 'independent', 'region', 'municipal_association']) }),
    team: z.string(),
    status: z.enum(['eligible', 'eligible_aggregate_only', 'needs_review', 'not_eligible']),
    ...amounts,
    staffingSuggestion: z.object({ extraCost: wholeKronor, fte: z.string(), months: z.string(), basis: z.enum(['school', 'social_services']) }).nullable(),
    copies: z
      .number()
      .int()
      .optional()
      .describe(
        'How many shared drafts hold this team (same huvudman by organisationsnummer, same team name); above 1 it is counted once: from a settlement when one holds it, else from the draft saved last',
      ),
    settlement: z
      .object({
        decided: wholeKronor,
        decidedOn: z.string().optional(),
        conditions: z.enum(['met', 'needs_review', 'not_met']),
        used: wholeKronor,
        unused: wholeKronor,
        received: wholeKronor,
        usable: wholeKronor,
        repay: wholeKronor,
      })
      .optional()
      .describe(
        "Present when the team comes from a shared settlement (decisions D20–D22): skolverketGrant is then Skolverket's decided grant, matched the money the kommun received, matchedUsable and repaymentRisk its usable and to-repay money. Every figure but the decision is the product's estimate",
      ),
  })
  .meta({ id: 'OverviewTeam' });

export const overviewSchemas = {
  create: z.object({ municipalityCode: z.string().regex(/^\d{4}$/), grantYear: z.number().int() }),
  created: z.object({ ...which, key: z.string(), submissionCode: z.string(), links: z.object({ self: z.string(), page: z.string(), csv: z.string() }) }),
  newKey: z.object({ ...which, key: z.string(), links: z.object({ self: z.string(), page: z.string(), csv: z.string() }) }),
  newSubmissionCode: z.object({ ...which, submissionCode: z.string() }),
  overview: z
    .object({
      ...which,
      teams: z.array(overviewTeam),
      totals: z.object({
        ...amounts,
        extraCost: wholeKronor,
        byTeamStatus: z
          .object(Object.fromEntries(['eligible', 'eligible_aggregate_only', 'needs_review'].map((status) => [status, z.object(amounts)])))
          .describe(
            "The totals split by the teams' status (docs/decisions.md, D18): settled is eligible plus eligible_aggregate_only, pending is needs_review; a team that is not eligible carries nothing, so the parts add up exactly to the totals",
          ),
        decided: z
          .object(amounts)
          .describe(
            "The part of the totals from teams with Skolverket's decision entered (shared settlements); byTeamStatus splits the rest, so all the parts add up to the totals",
          ),
      }),
      requisition: z
        .object({
          amount: wholeKronor,
          teams: z.number().int(),
          window: z
            .object({
              from: z.string(),
              to: z.string(),
              preliminary: z.boolean().describe("The product's estimate: not yet published"),
              source: z.object({ title: z.string(), url: z.string() }),
              checked: z.string().describe('When the source was last checked'),
            })
            .nullable(),
        })
        .describe(
          "What the kommun requisitions from Socialstyrelsen: the sum of the decided grants of its teams in shared settlements, how many teams, and Socialstyrelsen's window for the year (null where not known)",
        ),
      uncounted: z.number().int().describe('Shared drafts that could not be counted: incomplete, or with no team in the kommun for the year'),
    })
    .meta({ id: 'Overview' }),
  invalid: z.object({ error: z.literal('invalid_overview'), issues }).meta({ id: 'InvalidOverview' }),
  share: z.object({ submissionCode: z.string() }),
  shared: z.object({ ...which, teams: z.array(overviewTeam) }),
  shareRefused: z
    .object({
      error: z.enum([
        'not_found',
        'missing_submission_code',
        'unknown_submission_code',
        'not_assessable',
        'placeholders',
        'grant_year_mismatch',
        'no_team_in_municipality',
      ]),
      message: z.string().optional(),
    })
    .meta({ id: 'ShareRefused' }),
};
