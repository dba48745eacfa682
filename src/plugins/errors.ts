/**
 * Errors told calmly. The JSON API (/api/) answers with a status and a short code; pages get
 * a plain page in the user's language that says what to do. The client's mistakes keep their
 * status; anything else is a 500 that says nothing about the inside. The log gets the error,
 * never the request body (it can hold salaries).
 */
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseUnavailableError } from '../drafts/db.ts';
import { langOf } from '../lang.ts';
import { QueueFullError } from '../limiter.ts';
import { pageData } from '../page.ts';
import { securityHeaders } from './security-headers.ts';
import { renderView } from './views.ts';
import { TaskRefusedError } from './worker-pool.ts';

/** Fastify's own client-error codes and what we call them in the API. */
const clientErrors: Record<string, { status: number; error: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, error: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, error: 'invalid_content_length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'invalid_json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'invalid_json' },
  FST_CSRF_INVALID_TOKEN: { status: 403, error: 'invalid_csrf_token' },
  FST_CSRF_MISSING_SECRET: { status: 403, error: 'invalid_csrf_token' },
  RATE_LIMITED: { status: 429, error: 'rate_limited' },
  // An upload's limits (@fastify/multipart): too large a file, too many files, fields or parts.
  FST_REQ_FILE_TOO_LARGE: { status: 413, error: 'payload_too_large' },
  FST_FILES_LIMIT: { status: 413, error: 'payload_too_large' },
  FST_FIELDS_LIMIT: { status: 413, error: 'payload_too_large' },
  FST_PARTS_LIMIT: { status: 413, error: 'payload_too_large' },
  // An upload whose parts stop short (also how a file part ends when a limit stops the upload).
  ERR_STREAM_PREMATURE_CLOSE: { status: 400, error: 'bad_request' },
};

/** How long a client turned away by a full queue or an unavailable database is asked to wait. */
const RETRY_AFTER_SECONDS = 5;

const pageTexts = {
  sv: {
    400: ['Något i förfrågan var fel', 'Gå tillbaka och försök igen. Det du redan har sparat finns kvar.'],
    403: [
      'Formuläret kunde inte skickas',
      'Det kan bero på att sidan har varit öppen länge. Gå tillbaka, ladda om sidan och försök igen. Det du redan har sparat finns kvar.',
    ],
    404: ['Sidan finns inte', 'Kontrollera adressen. Om du följde en länk till ett sparat utkast kan det ha raderats eller blivit för gammalt.'],
    413: ['Det du skickade var för stort', 'Gå tillbaka och skicka mindre på en gång. Det du redan har sparat finns kvar.'],
    429: ['Du har skickat många förfrågningar på kort tid', 'Vänta en minut och försök igen. Det du redan har sparat finns kvar.'],
    503: ['Många använder tjänsten just nu', 'Vänta några sekunder och försök igen. Det du redan har sparat finns kvar.'],
    500: ['Något gick fel hos oss', 'Det du redan har sparat finns kvar. Försök igen om en stund.'],
  },
  en: {
    400: ['Something in the request was wrong', 'Go back and try again. What you have already saved is kept.'],
    403: [
      'The form could not be sent',
      'The page may have been open for a long time. Go back, reload the page and try again. What you have already saved is kept.',
    ],
    404: ['Page not found', 'Check the address. If you followed a link to a saved draft, it may have been deleted or become too old.'],
    413: ['What you sent was too large', 'Go back and send less at a time. What you have already saved is kept.'],
    429: ['You have sent many requests in a short time', 'Wait a minute and try again. What you have already saved is kept.'],
    503: ['Many people are using the service right now', 'Wait a few seconds and try again. What you have already saved is kept.'],
    500: ['Something went wrong on our side', 'What you have already saved is kept. Try again in a while.'],
  },
} as const;

type PageStatus = keyof (typeof pageTexts)['sv'];

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function sendError(request: FastifyRequest, reply: FastifyReply, status: number, code: string) {
  reply.status(status);
  if (isApi(request)) return reply.send({ error: code });
  const lang = langOf(request.query);
  const known = (status in pageTexts.sv ? status : status >= 500 ? 500 : 400) as PageStatus;
  const [heading, advice] = pageTexts[lang][known];
  const page = { ...pageData(lang, request.url, heading), heading, advice };
  // The router's own errors come with a bare reply, without the views plugin's reply.view.
  if (!reply.view) return reply.type('text/html; charset=utf-8').send(renderView('error.eta', page));
  return reply.view('error.eta', page);
}

/**
 * Fastify's `frameworkErrors`: a URL the router cannot read (bad percent-encoding, an over-long
 * path segment) gets our 400 page or JSON. No hook has run yet, so the security headers are
 * set here.
 */
export function answerRouterError(_error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.headers(securityHeaders);
  return sendError(request, reply, 400, 'bad_request');
}

/**
 * An address no route has: a page or JSON 404. Set in the pages' scope (app.ts), so that a form
 * posted to an unknown page is still checked for its CSRF token (403) and the page has its views.
 */
export function answerNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendError(request, reply, 404, 'not_found');
}

export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const known = clientErrors[error.code];
      if (known) return sendError(request, reply, known.status, known.error);
      if (error instanceof SyntaxError) return sendError(request, reply, 400, 'invalid_json');
      if (error instanceof QueueFullError || error instanceof TaskRefusedError) {
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return sendError(request, reply, 503, 'busy');
      }
      if (error instanceof DatabaseUnavailableError) {
        request.log.warn({ err: { type: error.name, cause: String(error.cause) } }, 'database unavailable');
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return sendError(request, reply, 503, 'unavailable');
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return sendError(request, reply, error.statusCode, 'bad_request');
      }
      request.log.error({ err: error }, 'unexpected error');
      return sendError(request, reply, 500, 'internal_error');
    });
  },
  { name: 'errors' },
);
