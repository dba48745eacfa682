#!/usr/bin/env node
/**
 * The build, so the server, the CLI and the bin run plain JavaScript: the TypeScript sources to
 * dist/ (tsc, without type checking, which `npm test` does), the files the code reads beside it
 * (views/, the migrations, the municipalities list), and the embedded database's template
 * (see src/drafts/pglite-template.ts). With --if-stale it builds only when something it reads
 * is newer than the last build, so `npm start` and `npm test` run it every time for a few
 * milliseconds. Plain JavaScript itself, because it runs before anything is built.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const stamp = join(dist, '.built');
const sourceDirs = ['src', 'rules', 'forms'];
const inputs = [...sourceDirs, 'views', 'tsconfig.json', 'tsconfig.build.json'];
/**
 * The dependencies by content, not by date: `npm prune --omit=dev` (for a server without the
 * build tools) rewrites package-lock.json unchanged, which must not make the build stale.
 */
const lockHash = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .digest('hex');

/** Every file under `path` (or `path` itself). */
const filesIn = (path) =>
  statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true })
        .map((name) => join(path, name))
        .filter((file) => statSync(file).isFile())
    : [path];

const newest = () => Math.max(...inputs.flatMap((input) => filesIn(join(root, input))).map((file) => statSync(file).mtimeMs));

const upToDate = () => existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash && statSync(stamp).mtimeMs >= newest();
if (process.argv.includes('--if-stale') && upToDate()) process.exit(0);

const run = (args) => {
  const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

let tsc;
try {
  tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
} catch {
  console.error('The build needs TypeScript, a dev dependency: run `npm ci` with dev dependencies, then `npm run build`.');
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
run([tsc, '-p', 'tsconfig.build.json', '--noCheck']);
for (const dir of sourceDirs) {
  for (const file of filesIn(join(root, dir)).filter((name) => !/\.(ts|mjs)$/.test(name))) {
    const target = join(dist, file.slice(root.length));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
}
cpSync(join(root, 'views'), join(dist, 'views'), { recursive: true });
run([join(dist, 'src/drafts/pglite-template.js')]);
writeFileSync(stamp, lockHash);
