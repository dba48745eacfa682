/**
 * The load hook of the tests' TypeScript loader (see register.mjs): a .ts module is compiled by
 * esbuild, types removed and nothing checked (`tsc --noEmit` checks), and the JavaScript is kept
 * in node_modules/.cache/ts-loader/ under a hash of the file's path and text, the compiler
 * settings and the Node version. So each file is compiled once, not again in every test process,
 * and a process whose files are all compiled already does not start esbuild at all. Plain
 * JavaScript, as it is what reads TypeScript.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const tsconfigRaw = readFileSync(new URL('../../tsconfig.json', import.meta.url), 'utf8');
const target = `node${process.versions.node.split('.')[0]}`;
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/ts-loader/', import.meta.url));
const esbuildVersion = createRequire(import.meta.url)('esbuild/package.json').version;
let esbuild;

/** The module at `url` as JavaScript, from the cache or compiled now (and then kept). */
function compiled(url) {
  const path = fileURLToPath(url);
  const source = readFileSync(path, 'utf8');
  const key = createHash('sha256').update(`${esbuildVersion}\0${target}\0${tsconfigRaw}\0${path}\0${source}`).digest('hex');
  const cached = `${cacheDir}${key}.js`;
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // Not compiled yet.
  }
  esbuild ??= createRequire(import.meta.url)('esbuild');
  const { code } = esbuild.transformSync(source, { loader: 'ts', format: 'esm', target, sourcefile: path, sourcemap: 'inline', tsconfigRaw });
  // Written beside and renamed into place: processes compiling the same file at once each see a whole one.
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${cached}.${process.pid}`, code);
  renameSync(`${cached}.${process.pid}`, cached);
  return code;
}

const isTypeScript = (url) => url.startsWith('file:') && url.endsWith('.ts');

/** For module.registerHooks (in the thread itself; Node 22.15 and later). */
export function loadSync(url, context, nextLoad) {
  return isTypeScript(url) ? { format: 'module', source: compiled(url), shortCircuit: true } : nextLoad(url, context);
}

/** For module.register (in a loader thread; Node 20). */
export async function load(url, context, nextLoad) {
  return isTypeScript(url) ? { format: 'module', source: compiled(url), shortCircuit: true } : nextLoad(url, context);
}
