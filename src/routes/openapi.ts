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
      '/healthz': { get: { summary: 'Ready to serve', responses: { 200: { description: 'Ready' } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.0 document' } } } },
    },
    components: {
      schemas: {
        Application: applicationJsonSchema(),
        Assessment: jsonSchema(assessmentSchema),
        InvalidApplication: jsonSchema(errorSchemas.invalidApplication),
        NoRuleSet: jsonSchema(errorSchemas.noRuleSet),
        Error: jsonSchema(errorSchemas.simple),
      },
    },
  };
}

const openapi: FastifyPluginAsync = async (app) => {
  const document = openApiDocument();
  app.get('/openapi.json', async () => document);
};

export default openapi;
