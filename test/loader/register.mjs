/**
 * The TypeScript loader the tests run under: `node --import ./test/loader/register.mjs`, which
 * the test runner passes on to every test file's process. Node 20 cannot run TypeScript itself,
 * and tsx, which can, costs about 0.4 s of CPU more in each of the suite's sixty processes than
 * these hooks (measured: importing the app took 0.9 s of CPU under tsx, 0.5 s here, 0.35 s as
 * built JavaScript). Stack traces point into the .ts files through the inline source maps.
 */
import module from 'node:module';

process.setSourceMapsEnabled(true);
if (module.registerHooks) {
  const { loadSync } = await import('./hooks.mjs');
  module.registerHooks({ load: loadSync });
} else {
  module.register('./hooks.mjs', import.meta.url);
}
