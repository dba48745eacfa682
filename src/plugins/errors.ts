/**
 * Errors as calm JSON: the client's mistakes get their status and a short code; anything
 * else is a 500 whose body says nothing about the inside. The log gets the error, never the
 * request body (it can hold salaries).
 */
import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';

/** Fastify's own client-error codes and what we call them in the API. */
const clientErrors: Record<string, { status: number; error: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, error: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, error: 'invalid_content_length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'invalid_json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'invalid_json' },
};

export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const known = clientErrors[error.code];
      if (known) return reply.status(known.status).send({ error: known.error });
      if (error instanceof SyntaxError || error.statusCode === 400) {
        return reply.status(400).send({ error: error instanceof SyntaxError ? 'invalid_json' : 'bad_request' });
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return reply.status(error.statusCode).send({ error: 'bad_request' });
      }
      request.log.error({ err: { type: error.name, code: error.code, message: error.message, stack: error.stack } }, 'unexpected error');
      return reply.status(500).send({ error: 'internal_error' });
    });
    app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: 'not_found' }));
  },
  { name: 'errors' },
);
