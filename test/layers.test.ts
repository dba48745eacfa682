/**
 * The layers point one way (docs/CONTRIBUTING.md): rules/ ← forms/ ← the store (src/drafts/)
 * ← routes, PDF and CLI. Read from the sources' import lines, so an arrow that runs back up
 * fails here, with the file and what it imports, before anyone has to notice it in review.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `from '…'`, `import '…'` and `import('…')`: every way a module names another. */
const SPECIFIER = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Import {
  /** The importing file, from the project's root. */
  file: string;
  /** As written. */
  specifier: string;
  /** A relative specifier resolved from the project's root; a package's name as written. */
  target: string;
}

/** A path from the project's root, with forward slashes on every platform. */
const fromRoot = (path: string) => relative(root, path).split(sep).join('/');

/** Every import of every source file under `dir` (from the project's root). */
function importsUnder(dir: string): Import[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|mjs|js)$/.test(name))
    .flatMap((name) => {
      const file = fromRoot(join(root, dir, name));
      const source = readFileSync(join(root, file), 'utf8');
      return [...source.matchAll(SPECIFIER)].map((match) => {
        const specifier = match[1] ?? match[2] ?? match[3];
        const target = specifier.startsWith('.') ? fromRoot(resolve(root, dirname(file), specifier)) : specifier;
        return { file, specifier, target };
      });
    });
}

const shown = (imports: Import[]) => imports.map((i) => `${i.file} imports ${i.specifier}`);

test('ingen fil under rules/ eller forms/ importerar från src/', () => {
  const upwards = [...importsUnder('rules'), ...importsUnder('forms')].filter((i) => i.target.startsWith('src/'));
  assert.deepEqual(shown(upwards), []);
});

test('inget under src/drafts/ importerar Fastify: lagret vet inget om HTTP', () => {
  const http = importsUnder('src/drafts').filter((i) => /^(fastify|@fastify\/|fastify-)/.test(i.target));
  assert.deepEqual(shown(http), []);
});

test('ingen route-fil under src/routes/ importerar en annan route-fil', () => {
  const between = importsUnder('src/routes').filter((i) => i.target.startsWith('src/routes/'));
  assert.deepEqual(shown(between), []);
});
