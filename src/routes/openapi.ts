/** GET /openapi.json: the public interface, generated from the schemas the code validates with. */
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { applicationJsonSchema } from '../../forms/application.ts';
import { assessmentSchema, errorSchemas } from '../api/assessment-schema.ts';

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
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'An application in the shape of Application; any part may be missing' } } } },
          responses: {
            201: json('The new draft: its id, a link to itself and to the page "check your answers"', 'DraftCreated'),
            400: json('The body is not a JSON object, or teams is not a list of objects', 'InvalidDraft'),
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
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
          responses: {
            200: json('The draft as saved, with its new version', 'Draft'),
            400: json('The body is not a JSON object, or If-Match is not a version', 'InvalidDraft'),
            404: json('No such draft (or it has expired)', 'Error'),
            409: { description: 'The draft was saved since the version in If-Match', content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'string', enum: ['version_conflict'] }, expectedVersion: { type: 'integer' }, version: { type: 'integer' } } } } } },
          },
        },
      },
      '/api/v1/drafts/{id}/ready': {
        post: {
          summary: "Mark a draft ready (or not) for the kommun's overview",
          parameters: [draftId],
          requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { ready: { type: 'boolean', default: true } } } } } },
          responses: { 200: json('The draft', 'Draft'), 400: json('ready is not a boolean', 'InvalidDraft'), 404: json('No such draft (or it has expired)', 'Error') },
        },
      },
      '/api/v1/municipalities/{kommunkod}/allocation': {
        get: {
          summary: "A kommun's overview: every team in the kommun from the drafts marked ready, with Socialstyrelsen's matched allocation, the usable part, the repayment risk and a staffing suggestion; no salaries",
          parameters: [
            { name: 'kommunkod', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{4}$' } },
            { name: 'year', in: 'query', required: true, schema: { type: 'integer' } },
            langParameter,
          ],
          responses: {
            200: { description: 'The teams and their totals (kronor as strings of whole kronor)' },
            400: json('The year is missing or not a year', 'Error'),
            404: json('Unknown kommunkod, or no rule set for the year', 'Error'),
          },
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
            ready: { type: 'boolean' },
            application: { type: 'object' },
            updatedAt: { type: 'string', format: 'date-time' },
            expiresAt: { type: 'string', format: 'date-time' },
          },
        },
        InvalidDraft: {
          type: 'object',
          properties: { error: { type: 'string', enum: ['invalid_draft'] }, issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } },
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
