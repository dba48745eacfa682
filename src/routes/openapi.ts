/** GET /openapi.json: the public interface, generated from the schemas the code validates with. */
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { applicationJsonSchema } from '../../forms/application.ts';
import { assessmentSchema, errorSchemas, settlementSchema } from '../api/assessment-schema.ts';

function jsonSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' });
}

const langParameter = {
  name: 'lang',
  in: 'query',
  required: false,
  description: 'Language of messages: sv (default) or en',
  schema: { type: 'string', enum: ['sv', 'en'], default: 'sv' },
};

const draftId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const overviewKey = { name: 'key', in: 'path', required: true, description: "The overview's key", schema: { type: 'string' } };

/** Every problem with a body, each with its path. */
const issues = { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } };

const kronor = { type: 'string', pattern: '^[0-9]+$' };
/** The four amounts of an overview's totals and of each status's part of them. */
const overviewAmounts = { skolverketGrant: kronor, matched: kronor, matchedUsable: kronor, repaymentRisk: kronor };
/** Which overview: the kommun and the grant year. */
const overviewWhich = {
  municipalityCode: { type: 'string' },
  municipality: { type: 'string' },
  grantYear: { type: 'integer' },
  expiresAt: { type: 'string', format: 'date-time' },
};

/** What POST and PUT /api/v1/drafts take: an application that may still be incomplete. */
const draftBody = {
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        description:
          'An application in the shape of Application. Any field may be missing, null or empty; every value given is checked as in Application (numbers as JSON numbers or strings, normalised to strings), at most 20 teams of at most 50 members. Teams and members may carry an id (letters, digits, - and _; unique); those without get the next t1, t2, … and p1, p2, …. Hand-off links follow a team by its id: a team left out is removed, and its links stop working.',
      },
    },
  },
};
const invalidDraft = 'A value is not one the application accepts (wrong type, out of range, a control character or a lone surrogate in a text, too many teams or members); each problem with its dotted path';

function json(description: string, ref: string) {
  return { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } };
}

export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: {
      title: 'sst-bidrag',
      version: '1',
      description:
        'Prövning och beräkning av statsbidrag för personalkostnader för skolsociala team, förordning (2023:179). Beloppen är högsta möjliga belopp, före Skolverkets urval.',
    },
    paths: {
      '/api/v1/assessments': {
        post: {
          summary: 'Assess an application',
          parameters: [langParameter],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Application' } } } },
          responses: {
            200: json('The assessment', 'Assessment'),
            400: json('Every problem with the input, each with its path', 'InvalidApplication'),
            413: json('The body is larger than the limit', 'Error'),
            422: json('No rule set for the grant year', 'NoRuleSet'),
          },
        },
      },
      '/api/v1/assessments/pdf': {
        post: {
          summary: 'The application summary as a PDF (in Swedish), with the application and the assessment attached as JSON',
          parameters: [langParameter],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Application' } } } },
          responses: {
            200: { description: 'The summary', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
            400: json('Every problem with the input, each with its path', 'InvalidApplication'),
            413: json('The body is larger than the limit', 'Error'),
            422: json('No rule set for the grant year', 'NoRuleSet'),
            503: json('Too many summaries are being built; try again after Retry-After seconds', 'Error'),
          },
        },
      },
      '/api/v1/settlements': {
        post: {
          summary:
            "The year after the decision: Skolverket's decided grant per team against the application as carried out (members may add actualCost from the ledger); justified, used and unused grant, the conditions during the year, the kommun's received, usable and to-repay money, and, with the application as applied for, the changes to report. Every amount is the tool's estimate. Grant years 2024 onwards",
          parameters: [langParameter],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SettlementRequest' } } } },
          responses: {
            200: json('The settlement', 'Settlement'),
            400: json('Every problem with the input, each with its path under application., decision. or applied.', 'InvalidApplication'),
            413: json('The body is larger than the limit', 'Error'),
            422: json('No settlement for the grant year (before 2024, or a year without rules)', 'NoSettlementRules'),
          },
        },
      },
      '/api/v1/rule-sets': {
        get: { summary: 'List the rule sets', parameters: [langParameter], responses: { 200: { description: 'The rule sets' } } },
      },
      '/api/v1/rule-sets/{year}': {
        get: {
          summary: 'The rule set for a grant year: parameters, rules with citations, sources',
          parameters: [{ name: 'year', in: 'path', required: true, schema: { type: 'integer' } }, langParameter],
          responses: { 200: { description: 'The rule set' }, 404: json('No rule set for that year', 'NoRuleSet') },
        },
      },
      '/api/v1/drafts': {
        post: {
          summary: 'Store an application, possibly incomplete, as a draft to continue in the pages',
          requestBody: draftBody,
          responses: {
            201: json('The new draft: its id, a link to itself and to the page "check your answers"', 'DraftCreated'),
            400: json(invalidDraft, 'InvalidDraft'),
            413: json('The body is larger than the limit', 'Error'),
          },
        },
      },
      '/api/v1/drafts/{id}': {
        get: {
          summary: 'A draft',
          parameters: [draftId],
          responses: { 200: json('The draft', 'Draft'), 404: json('No such draft (or it has expired)', 'Error') },
        },
        put: {
          summary: "Replace a draft's application",
          parameters: [draftId, { name: 'If-Match', in: 'header', required: false, description: 'The version read; 409 if the draft has been saved since', schema: { type: 'string' } }],
          requestBody: draftBody,
          responses: {
            200: json('The draft as saved, with its new version', 'Draft'),
            400: json(`${invalidDraft}, or If-Match is not a version`, 'InvalidDraft'),
            404: json('No such draft (or it has expired)', 'Error'),
            409: { description: 'The draft was saved since the version in If-Match', content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'string', enum: ['version_conflict'] }, expectedVersion: { type: 'integer' }, version: { type: 'integer' } } } } } },
          },
        },
        delete: {
          summary: 'Delete a draft with everything kept about it: its hand-off links and its history',
          parameters: [draftId],
          responses: { 204: { description: 'Deleted' }, 404: json('No such draft (or it has expired)', 'Error') },
        },
      },
      '/api/v1/drafts/{id}/share': {
        post: {
          summary: "Share a draft with a kommun's overview, using the overview's submission code. The answer says what the kommun sees: its teams in the kommun, with huvudman name, team name, verdict and amounts; never salaries, org numbers or people",
          parameters: [draftId, langParameter],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['submissionCode'], properties: { submissionCode: { type: 'string' } } } } } },
          responses: {
            200: { description: 'Shared (again is the same): the overview and the rows the kommun sees', content: { 'application/json': { schema: { type: 'object', properties: { ...overviewWhich, teams: { type: 'array', items: { $ref: '#/components/schemas/OverviewTeam' } } } } } } },
            400: json('No submission code', 'ShareRefused'),
            404: json('No such draft, or the code is unknown, renewed or revoked; nothing shared', 'ShareRefused'),
            422: json('The draft cannot be assessed yet, is for another grant year, or has no team in the kommun; nothing shared', 'ShareRefused'),
          },
        },
      },
      '/api/v1/drafts/{id}/share/{submissionCode}': {
        delete: {
          summary: "Withdraw a draft from the kommun's overview",
          parameters: [draftId, { name: 'submissionCode', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 204: { description: 'Withdrawn' }, 404: json('Not shared there, or the code is unknown, renewed or revoked', 'Error') },
        },
      },
      '/api/v1/overviews': {
        post: {
          summary: "Create a kommun's overview for a grant year. The key opens it (keep it among those who may see it); the submission code is for the huvudmän, to share their drafts into it. Both are unguessable and different; kept 30 days after the overview was last opened or changed",
          parameters: [langParameter],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['municipalityCode', 'grantYear'], properties: { municipalityCode: { type: 'string', pattern: '^[0-9]{4}$' }, grantYear: { type: 'integer' } } } } } },
          responses: {
            201: { description: 'The overview', content: { 'application/json': { schema: { type: 'object', properties: { ...overviewWhich, key: { type: 'string' }, submissionCode: { type: 'string' }, links: { type: 'object', properties: { self: { type: 'string' }, page: { type: 'string' }, csv: { type: 'string' } } } } } } } },
            400: json('Unknown kommunkod, or a grant year without rules', 'InvalidOverview'),
          },
        },
      },
      '/api/v1/overviews/{key}': {
        get: {
          summary: "The kommun's overview: the teams in the kommun for the year from the drafts shared into it, as stored when each was last saved or shared, with totals; no salaries, org numbers or draft ids",
          parameters: [overviewKey],
          responses: { 200: json('The overview (kronor as strings of whole kronor)', 'Overview'), 404: json('Unknown, renewed, revoked or expired key', 'Error') },
        },
        delete: {
          summary: 'Revoke the overview: its key and submission code stop working and its shares are removed',
          parameters: [overviewKey],
          responses: { 204: { description: 'Revoked' }, 404: json('Unknown, renewed, revoked or expired key', 'Error') },
        },
      },
      '/api/v1/overviews/{key}/key': {
        post: {
          summary: 'A new key for the overview; the old one stops working, the shares stay',
          parameters: [overviewKey],
          responses: { 200: { description: 'The new key and links' }, 404: json('Unknown, renewed, revoked or expired key', 'Error') },
        },
      },
      '/api/v1/overviews/{key}/submission-code': {
        post: {
          summary: 'A new submission code for the overview; the old one stops working, the shares stay',
          parameters: [overviewKey],
          responses: { 200: { description: 'The new submission code' }, 404: json('Unknown, renewed, revoked or expired key', 'Error') },
        },
      },
      '/healthz': { get: { summary: 'The process is alive', responses: { 200: { description: 'Alive' } } } },
      '/readyz': {
        get: {
          summary: 'Ready to serve: the database answers within a second and the event loop is not overloaded',
          responses: {
            200: { description: 'Ready: { "status": "ok", "checks": { "database": "ok", "eventLoop": "ok" } }' },
            503: { description: 'Not ready: { "status": "unavailable", "checks": { … } } names the check that failed' },
          },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.0 document' } } } },
    },
    components: {
      schemas: {
        Application: applicationJsonSchema(),
        Assessment: jsonSchema(assessmentSchema),
        InvalidApplication: jsonSchema(errorSchemas.invalidApplication),
        NoRuleSet: jsonSchema(errorSchemas.noRuleSet),
        SettlementRequest: {
          type: 'object',
          required: ['application', 'decision'],
          properties: {
            application: { $ref: '#/components/schemas/Application', description: 'The application as carried out during the grant year; members may add actualCost' },
            decision: {
              type: 'object',
              required: ['teams'],
              properties: {
                teams: {
                  type: 'array',
                  description: 'One entry per team of application.teams, in the same order',
                  items: { type: 'object', required: ['skolverketGrant'], properties: { skolverketGrant: { oneOf: [{ type: 'string', pattern: '^[0-9]+(\\.0+)?$' }, { type: 'integer', minimum: 0 }], description: "Skolverket's decided grant for the team, whole kronor; 0 for a team not granted" } } },
                },
              },
            },
            applied: { $ref: '#/components/schemas/Application', description: 'Optional: the application as applied for, to list the changes to report' },
          },
        },
        Settlement: jsonSchema(settlementSchema),
        NoSettlementRules: jsonSchema(errorSchemas.noSettlementRules),
        Error: jsonSchema(errorSchemas.simple),
        DraftCreated: {
          type: 'object',
          properties: { id: { type: 'string' }, version: { type: 'integer' }, links: { type: 'object', properties: { self: { type: 'string' }, page: { type: 'string' } } } },
        },
        Draft: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            version: { type: 'integer' },
            application: { type: 'object' },
            updatedAt: { type: 'string', format: 'date-time' },
            expiresAt: { type: 'string', format: 'date-time' },
          },
        },
        OverviewTeam: {
          type: 'object',
          properties: {
            organiser: { type: 'object', properties: { name: { type: 'string' }, type: { type: 'string' } } },
            team: { type: 'string' },
            status: { type: 'string', enum: ['eligible', 'eligible_aggregate_only', 'needs_review', 'not_eligible'] },
            skolverketGrant: kronor,
            matched: kronor,
            matchedUsable: kronor,
            repaymentRisk: kronor,
            staffingSuggestion: {
              type: 'object',
              nullable: true,
              properties: { extraCost: kronor, fte: { type: 'string' }, months: { type: 'string' }, basis: { type: 'string', enum: ['school', 'social_services'] } },
            },
            copies: {
              type: 'integer',
              description: 'How many shared drafts hold this team (same huvudman by organisationsnummer, same team name); above 1 it is counted once: from a settlement when one holds it, else from the draft saved last',
            },
            settlement: {
              type: 'object',
              description:
                "Present when the team comes from a shared settlement (RULEBOOK D20–D22): skolverketGrant is then Skolverket's decided grant, matched the money the kommun received, matchedUsable and repaymentRisk its usable and to-repay money. Every figure but the decision is the product's estimate",
              properties: {
                decided: kronor,
                decidedOn: { type: 'string', format: 'date' },
                conditions: { type: 'string', enum: ['met', 'needs_review', 'not_met'] },
                used: kronor,
                unused: kronor,
                received: kronor,
                usable: kronor,
                repay: kronor,
              },
            },
          },
        },
        Overview: {
          type: 'object',
          properties: {
            ...overviewWhich,
            teams: { type: 'array', items: { $ref: '#/components/schemas/OverviewTeam' } },
            totals: {
              type: 'object',
              properties: {
                ...overviewAmounts,
                extraCost: kronor,
                byTeamStatus: {
                  type: 'object',
                  description:
                    "The totals split by the teams' status (RULEBOOK D18): settled is eligible plus eligible_aggregate_only, pending is needs_review; a team that is not eligible carries nothing, so the parts add up exactly to the totals",
                  properties: Object.fromEntries(['eligible', 'eligible_aggregate_only', 'needs_review'].map((status) => [status, { type: 'object', properties: overviewAmounts }])),
                },
                decided: {
                  type: 'object',
                  description: "The part of the totals from teams with Skolverket's decision entered (shared settlements); byTeamStatus splits the rest, so all the parts add up to the totals",
                  properties: overviewAmounts,
                },
              },
            },
            requisition: {
              type: 'object',
              description: "What the kommun requisitions from Socialstyrelsen: the sum of the decided grants of its teams in shared settlements, how many teams, and Socialstyrelsen's window for the year (null where not known)",
              properties: {
                amount: kronor,
                teams: { type: 'integer' },
                window: {
                  type: 'object',
                  nullable: true,
                  properties: {
                    from: { type: 'string', format: 'date' },
                    to: { type: 'string', format: 'date' },
                    preliminary: { type: 'boolean', description: "The product's estimate: not yet published" },
                    source: { type: 'object', properties: { title: { type: 'string' }, url: { type: 'string' } } },
                    checked: { type: 'string', format: 'date', description: 'When the source was last checked' },
                  },
                },
              },
            },
            uncounted: { type: 'integer', description: 'Shared drafts that could not be counted: incomplete, or with no team in the kommun for the year' },
          },
        },
        ShareRefused: {
          type: 'object',
          properties: {
            error: { type: 'string', enum: ['not_found', 'missing_submission_code', 'unknown_submission_code', 'not_assessable', 'placeholders', 'grant_year_mismatch', 'no_team_in_municipality'] },
            message: { type: 'string' },
          },
        },
        InvalidOverview: {
          type: 'object',
          properties: { error: { type: 'string', enum: ['invalid_overview'] }, issues },
        },
        InvalidDraft: {
          type: 'object',
          properties: { error: { type: 'string', enum: ['invalid_draft'] }, issues },
        },
      },
    },
  };
}

const openapi: FastifyPluginAsync = async (app) => {
  const document = openApiDocument();
  app.get('/openapi.json', async () => document);
};

export default openapi;
