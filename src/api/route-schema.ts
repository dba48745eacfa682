/**
 * What a JSON route declares as Fastify's `schema` (zod schemas for its parameters, body and
 * answers) and the OpenAPI 3.0 document written from the routes that declare one. The routes
 * import the types from here; src/routes/openapi.ts collects the routes and serves the document.
 */
import * as z from 'zod';

/** One documented answer of a route: JSON in the shape of `json`, a file of type `media`, or no body. */
export interface Answer {
  description: string;
  json?: z.ZodType;
  media?: string;
}

/** What a JSON route declares as Fastify's `schema`. */
export interface RouteSchema {
  summary: string;
  description?: string;
  querystring?: z.ZodObject;
  params?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  response: Record<number, Answer>;
}

/** ?lang=sv (default) or ?lang=en: the language of messages. */
export const langQuery = z.object({
  lang: z.enum(['sv', 'en']).default('sv').optional().describe('Language of messages: sv (default) or en'),
});

type JsonSchema = Record<string, unknown>;

/** Routes are documented in the order they are added; components by their zod id. */
export class Document {
  readonly routes: Array<{ method: string; url: string; schema: RouteSchema }> = [];
  readonly components: Record<string, JsonSchema> = {};

  /** A zod schema as OpenAPI 3.0 JSON Schema; schemas with an id (.meta({ id })) become components. */
  jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io });
    const text = JSON.stringify(converted).replaceAll('"#/definitions/', '"#/components/schemas/');
    const { definitions, ...rest } = JSON.parse(text) as JsonSchema & { definitions?: Record<string, JsonSchema> };
    Object.assign(this.components, definitions);
    return rest;
  }

  parameters(where: 'query' | 'path' | 'header', object: z.ZodObject | undefined) {
    return Object.entries(object?.shape ?? {}).map(([name, field]) => {
      const { description, ...schema } = this.jsonSchema(field as z.ZodType, 'input');
      return {
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema,
      };
    });
  }

  operation(schema: RouteSchema) {
    const responses = Object.fromEntries(
      Object.entries(schema.response).map(([status, answer]) => {
        const content = answer.json
          ? { 'application/json': { schema: this.jsonSchema(answer.json, 'output') } }
          : answer.media
            ? { [answer.media]: { schema: { type: 'string', format: 'binary' } } }
            : undefined;
        return [status, { description: answer.description, ...(content ? { content } : {}) }];
      }),
    );
    const parameters = [
      ...this.parameters('path', schema.params),
      ...this.parameters('query', schema.querystring),
      ...this.parameters('header', schema.headers),
    ];
    return {
      summary: schema.summary,
      ...(schema.description ? { description: schema.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(schema.body ? { requestBody: { required: true, content: { 'application/json': { schema: this.jsonSchema(schema.body, 'input') } } } } : {}),
      responses,
    };
  }

  build() {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const { method, url, schema } of this.routes) {
      const path = url.replace(/:(\w+)/g, '{$1}');
      paths[path] = { ...paths[path], [method.toLowerCase()]: this.operation(schema) };
    }
    return {
      openapi: '3.0.3',
      info: {
        title: 'sst-bidrag',
        version: '1',
        description:
          'Prövning och beräkning av statsbidrag för personalkostnader för skolsociala team, förordning (2023:179). Beloppen är högsta möjliga belopp, före Skolverkets urval.',
      },
      paths,
      components: { schemas: this.components },
    };
  }
}
