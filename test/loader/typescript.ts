/** For a child process that runs TypeScript, as the tests run: Node's arguments to load the tests' loader (register.mjs). */
import { fileURLToPath } from 'node:url';

export const TYPESCRIPT_LOADER = ['--import', fileURLToPath(new URL('register.mjs', import.meta.url))];
