/**
 * The server's settings, read from the environment once at start-up and validated, so a bad
 * value stops the server with a clear message instead of failing later.
 */
import * as z from 'zod';
import { DEFAULT_DB_TIMEOUT_MS } from './drafts/db.ts';

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
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** A PostgreSQL server to keep drafts in instead of DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * With DATABASE_URL: how long to wait for a connection and for a statement; past it a page
   * answers 503 ("try again") instead of waiting for ever.
   */
  DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_DB_TIMEOUT_MS),
});

export type Config = z.infer<typeof environment>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = environment.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}
