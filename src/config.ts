/**
 * The server's settings, read from the environment once at start-up and validated, so a bad
 * value stops the server with a clear message instead of failing later.
 */
import * as z from 'zod';
import { DEFAULT_DB_TIMEOUT_MS } from './drafts/db.ts';

/** A whole number from the environment ("30"), within bounds; "", "1.5" or "30s" are refused. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(min).max(max)).default(fallback);

/** Seconds, for a public service behind a proxy (see serverOptions for what each one does). */
export const TIMEOUT_DEFAULTS = { request: 30, headers: 10, keepAlive: 72, connection: 60, closeGrace: 10 } as const;
const seconds = (fallback: number) => wholeNumber(1, 3600, fallback);
/** Requests per minute per client; 0 turns the limit off. */
const perMinute = (fallback: number) => wholeNumber(0, 1_000_000, fallback);

const environment = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Where the embedded database (PGlite) keeps drafts; created if missing. One server process per
   * DATA_DIR: a second one refuses to start.
   */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Set to "true" behind a reverse proxy that terminates HTTPS: the app then believes its
   * X-Forwarded-Proto header, so cookies get the Secure flag.
   */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** A PostgreSQL server to keep drafts in instead of DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** The whole request (headers and body) must arrive within this; a trickled body is cut off with 408. */
  REQUEST_TIMEOUT_SECONDS: seconds(TIMEOUT_DEFAULTS.request),
  /** The request's headers must arrive within this; at most REQUEST_TIMEOUT_SECONDS. */
  HEADERS_TIMEOUT_SECONDS: seconds(TIMEOUT_DEFAULTS.headers),
  /** An idle kept-alive connection is closed after this; keep it longer than the proxy's own idle timeout. */
  KEEP_ALIVE_TIMEOUT_SECONDS: seconds(TIMEOUT_DEFAULTS.keepAlive),
  /** A connection with no traffic at all for this long is closed. */
  CONNECTION_TIMEOUT_SECONDS: seconds(TIMEOUT_DEFAULTS.connection),
  /** On SIGTERM/SIGINT, requests under way get this long to finish before the process exits anyway. */
  CLOSE_GRACE_SECONDS: seconds(TIMEOUT_DEFAULTS.closeGrace),
  /** Saves of an existing draft, link or overview (page forms, PUT, DELETE). */
  RATE_LIMIT_WRITES_PER_MINUTE: perMinute(120),
  /** New drafts, imports, hand-off links, overviews and shares into one. */
  RATE_LIMIT_CREATIONS_PER_MINUTE: perMinute(20),
  /** Rendered PDFs. */
  RATE_LIMIT_PDFS_PER_MINUTE: perMinute(10),
  /** POST /api/v1/assessments and /api/v1/settlements, which store nothing: no limit unless set. */
  RATE_LIMIT_ASSESSMENTS_PER_MINUTE: perMinute(0),
  /**
   * With DATABASE_URL: how long to wait for a connection and for a statement; past it a page
   * answers 503 ("try again") instead of waiting for ever.
   */
  DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_DB_TIMEOUT_MS),
  /**
   * Who runs the service, shown on /om-tjansten and in the accessibility statement. Unset, the
   * pages say that the kommun running the service has not yet given it.
   */
  SERVICE_OWNER: z.string().trim().min(1).max(200).optional(),
  /** The owner's contact address for questions, personal data and accessibility. */
  SERVICE_CONTACT_EMAIL: z.email('must be an e-mail address').max(200).optional(),
  /** The owner's own privacy notice (integritetspolicy), if it has one. */
  SERVICE_PRIVACY_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .max(500)
    .optional(),
});

/** Node refuses a header timeout longer than the request timeout. */
const checkedEnvironment = environment.refine((env) => env.HEADERS_TIMEOUT_SECONDS <= env.REQUEST_TIMEOUT_SECONDS, {
  path: ['HEADERS_TIMEOUT_SECONDS'],
  message: 'must not be longer than REQUEST_TIMEOUT_SECONDS',
});

export type Config = z.infer<typeof environment>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = checkedEnvironment.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}

/** Who runs the service, from SERVICE_OWNER, SERVICE_CONTACT_EMAIL and SERVICE_PRIVACY_URL. */
export interface ServiceInfo {
  owner?: string;
  contactEmail?: string;
  privacyUrl?: string;
}

export function serviceInfo(config: Config): ServiceInfo {
  return { owner: config.SERVICE_OWNER, contactEmail: config.SERVICE_CONTACT_EMAIL, privacyUrl: config.SERVICE_PRIVACY_URL };
}
