/**
 * Real-browser helpers for the page tests: a headless Chromium driven by playwright-core, the app
 * on a loopback port, and an axe-core accessibility check.
 *
 * The browser comes from npm, not from Playwright's own download (which needs hosts this project's
 * machines cannot reach): @sparticuz/chromium ships a Brotli-compressed headless Chromium inside its
 * package, and it is decompressed here at first use into node_modules/.cache/. Set CHROME_PATH to
 * use another Chromium instead, e.g. CHROME_PATH=/usr/bin/chromium for Debian's.
 *
 * Versions go together: @sparticuz/chromium 147.0.0 is Chromium 147 and the newest release whose
 * engines allow Node 20; playwright-core 1.59.x is the Playwright release built for Chromium 147.
 */
import { AssertionError } from 'node:assert';
import { after, before } from 'node:test';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, constants, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../helper.ts';

/**
 * Flags for a closed network, running as root, in a container: no sandbox (root), no GPU, no
 * /dev/shm (small in containers), and none of Chromium's background calls home, which this
 * machine's network refuses.
 */
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-quic',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
];

/**
 * Of @sparticuz/chromium's recommended `chromium.args`, the ones kept. It also recommends flags for
 * AWS Lambda that would make the tests lie or flake, and those are left out on purpose:
 * --disable-web-security, --allow-running-insecure-content and --disable-site-isolation-trials
 * (the pages must be tested under the browser's real security model, CSP included),
 * --single-process (unstable with one browser context per test), --headless='shell' (Playwright
 * sets headless itself) and the SwiftShader/WebGL flags (no graphics needed: --disable-gpu).
 */
const SPARTICUZ_ARGS_KEPT = new Set(['--ash-no-nudges', '--disable-print-preview', '--font-render-hinting=none', '--no-zygote', '--disable-setuid-sandbox']);

/** A decompressed @sparticuz/chromium, and the fontconfig directory that goes with it. */
interface BundledChromium {
  executablePath: string;
  fontconfigPath: string;
  version: string;
}

/**
 * Decompresses @sparticuz/chromium's browser once per package version into
 * node_modules/.cache/sparticuz-chromium-VERSION/ and returns its path.
 *
 * The package itself decompresses into os.tmpdir() and reuses whatever /tmp/chromium it finds,
 * of any version, even one half-written by a run that was killed. So it is pointed (through
 * TMPDIR, which os.tmpdir() reads on each call) at a fresh staging directory, and the result is
 * renamed into place only when complete: a directory that exists is always whole, and two
 * processes racing each end up with one copy.
 */
async function bundledChromium(): Promise<BundledChromium> {
  let sparticuz: typeof import('@sparticuz/chromium').default;
  let packageDir: string;
  try {
    sparticuz = (await import('@sparticuz/chromium')).default;
    // .../node_modules/@sparticuz/chromium/build/esm/index.js -> .../node_modules/@sparticuz/chromium
    packageDir = resolve(dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..', '..');
  } catch (error) {
    throw new Error('The browser tests need @sparticuz/chromium (a devDependency): run `npm ci`, or set CHROME_PATH to a Chromium executable.', {
      cause: error,
    });
  }
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const cacheRoot = join(packageDir, '..', '..', '.cache');
  const finalDir = join(cacheRoot, `sparticuz-chromium-${version}`);
  const result = {
    executablePath: join(finalDir, 'chromium'),
    fontconfigPath: join(finalDir, 'fontconfig'),
    version,
  };
  if (existsSync(result.executablePath)) return result;

  await mkdir(cacheRoot, { recursive: true });
  const staging = await mkdtemp(join(cacheRoot, `sparticuz-chromium-${version}.tmp-`));
  const previousTmpdir = process.env.TMPDIR;
  try {
    process.env.TMPDIR = staging;
    sparticuz.setGraphicsMode = false; // no WebGL: skips decompressing SwiftShader
    await sparticuz.executablePath(join(packageDir, 'bin'));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(`Could not decompress @sparticuz/chromium ${version} into ${staging}.`, { cause: error });
  } finally {
    if (previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmpdir;
  }
  // The package's own fonts.conf names /tmp/fonts; this one keeps the system's fonts (where there
  // are any) and adds the bundled Open Sans, so text renders even on a machine with no fonts.
  await mkdir(join(staging, 'fontconfig'));
  await writeFile(
    join(staging, 'fontconfig', 'fonts.conf'),
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(finalDir, 'fonts', 'fonts')}</dir>
  <cachedir>${join(finalDir, 'fontconfig', 'cache')}</cachedir>
</fontconfig>
`,
  );
  try {
    await rename(staging, finalDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process got there first: its copy is complete, as it too was renamed into place.
    if (!existsSync(result.executablePath)) throw error;
  }
  return result;
}

/**
 * Starts headless Chromium: CHROME_PATH if set, else the one from @sparticuz/chromium.
 * Throws, never skips, when no browser can be started: a browser test that silently does not run
 * would pass CI while testing nothing.
 */
export async function launchBrowser(): Promise<Browser> {
  const chromePath = process.env.CHROME_PATH;
  let executablePath: string;
  let args = BASE_ARGS;
  let env: Record<string, string | undefined> = process.env;
  let source: string;
  if (chromePath) {
    try {
      await access(chromePath, constants.X_OK);
    } catch (error) {
      throw new Error(`CHROME_PATH=${chromePath} is not an executable file: unset it to use @sparticuz/chromium.`, {
        cause: error,
      });
    }
    executablePath = chromePath;
    source = `CHROME_PATH=${chromePath}`;
  } else {
    const bundled = await bundledChromium();
    executablePath = bundled.executablePath;
    source = `@sparticuz/chromium ${bundled.version} (${executablePath})`;
    const sparticuz = (await import('@sparticuz/chromium')).default;
    args = [...BASE_ARGS, ...sparticuz.args.filter((arg) => SPARTICUZ_ARGS_KEPT.has(arg))];
    env = { ...process.env, FONTCONFIG_PATH: process.env.FONTCONFIG_PATH ?? bundled.fontconfigPath };
  }
  try {
    return await chromium.launch({ executablePath, headless: true, args, env, timeout: 30_000 });
  } catch (error) {
    // The cause is spelled out too: the test runner's report shows only the message.
    const cause = String(error instanceof Error ? error.message : error)
      .split('\n')
      .slice(0, 20)
      .join('\n');
    throw new Error(
      `Could not start headless Chromium from ${source}. ` +
        'The browser tests do not skip: fix the browser, or set CHROME_PATH to a working Chromium (e.g. /usr/bin/chromium).\n' +
        cause,
      { cause: error },
    );
  }
}

/** The app as the server builds it, listening on a free loopback port. */
export async function startServer(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const fastify = await buildApp();
  await fastify.listen({ host: '127.0.0.1', port: 0 });
  const { port } = fastify.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => fastify.close() };
}

/** What newPage knows about a page that checkAccessibility needs. */
interface PageInfo {
  javaScript: boolean;
  /** The status and headers of the document now shown (its CSP above all), to replay a JS-off page. */
  document?: { status: number; headers: Record<string, string> };
}
const pageInfo = new WeakMap<Page, PageInfo>();

/** A page in a fresh browser context (nothing shared between tests), Swedish locale. */
export async function newPage(browser: Browser, { javaScript }: { javaScript: boolean }): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'sv-SE' });
  const page = await context.newPage();
  const info: PageInfo = { javaScript };
  pageInfo.set(page, info);
  page.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      info.document = { status: response.status(), headers: response.headers() };
    }
  });
  return page;
}

const AXE_SOURCE_PATH = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
let axeSource: string | undefined;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core in a page whose scripts can run, and returns the violations it found. */
async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(AXE_SOURCE_PATH, 'utf8');
  // page.evaluate runs through the DevTools protocol, which the page's Content-Security-Policy
  // (script-src 'self') does not govern; page.addScriptTag({ content }) adds an inline <script>,
  // which the CSP blocks unless the context has bypassCSP. Evaluating keeps the page's CSP in force
  // while it is checked (a bypassed CSP would also let in inline styles the real page never gets).
  await page.evaluate(`${axeSource}\n;undefined`);
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  }, AXE_TAGS);
}

/**
 * The page as axe would check it: its DOM serialized (for a JS-off page with <noscript> as a
 * reader without scripts sees it, see checkAccessibility), and a key for everything axe's
 * verdict depends on: scripts on or off, the window's size, the path and fragment (:target), the
 * DOM, the state of its form controls (a typed value or a ticked box is not in the HTML), and
 * which elements the pointer is over and which has focus (their styles can change colours). Draft ids, link tokens
 * and codes (22-character base64url words) and the CSRF token differ from one visitor to the
 * next without changing anything axe checks, so the key leaves them out.
 */
async function pageState(page: Page, javaScript: boolean): Promise<{ html: string; key: string }> {
  const { html, controls, pointer } = await page.evaluate((javaScript) => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    if (!javaScript) {
      for (const noscript of root.querySelectorAll('noscript')) {
        const span = document.createElement('span');
        span.dataset.noscript = '';
        span.append(...noscript.childNodes);
        noscript.replaceWith(span);
      }
    }
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
    // A hidden field's value is its attribute, in the HTML already (where the CSRF token is left out).
    const fields = [...document.querySelectorAll<HTMLInputElement>('input:not([type=hidden]), select, textarea')].map((field) => [field.value, field.checked]);
    const elements = [...document.querySelectorAll('*')];
    const hovered = [...document.querySelectorAll(':hover')].map((element) => elements.indexOf(element));
    const focused = document.activeElement ? elements.indexOf(document.activeElement) : -1;
    return { html: `${doctype}${root.outerHTML}`, controls: JSON.stringify(fields), pointer: JSON.stringify([hovered, focused]) };
  }, javaScript);
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  const { pathname, hash } = new URL(page.url());
  const visitorFree = [javaScript, width, height, pathname + hash, controls, pointer, html]
    .join('\n')
    .replace(/(name="_csrf" value=")[^"]*/g, '$1')
    .replace(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g, '');
  return { html, key: createHash('sha256').update(visitorFree).digest('hex') };
}

/**
 * axe's findings by page state (see pageState) in this process: a page the file's tests have
 * already checked in the same state, such as the start page every visitor passes, is not
 * checked again. Its findings are those of the first check, violations included.
 */
const findingsByState = new Map<string, Promise<AxeViolation[]>>();

/**
 * Checks the page as it is now with axe-core against WCAG 2.0, 2.1 and 2.2 A and AA, and throws an
 * AssertionError listing every violation.
 *
 * Pages with JavaScript on are checked in place.
 *
 * Pages with JavaScript off cannot run axe themselves: Chromium's "script execution disabled"
 * still lets page.evaluate run, but timers never fire, and axe.run waits on setTimeout, so it
 * never finishes (turning scripts back on through a second DevTools session destroys the page's
 * execution context under Playwright). So the DOM the JS-off page has now is serialized and shown
 * to a JavaScript-enabled page of its own (see replayerFor) at the same URL, with the same response headers (so
 * the same CSP), with every script request aborted (inline scripts stay blocked by the CSP), and
 * axe runs there. That is the JS-off page exactly: the same DOM, stylesheets, origin and viewport,
 * also after a form POST (re-opening the URL would GET a different page). <noscript> elements,
 * whose content a scripting browser would parse as text, are turned into <span data-noscript>
 * so that what a JS-off reader sees is what gets checked.
 *
 * A page already checked in the same state (see pageState) is not checked again: its findings are
 * those of the first check.
 */
export async function checkAccessibility(page: Page): Promise<void> {
  const info = pageInfo.get(page);
  if (!info) throw new Error('checkAccessibility needs a page made by newPage()');
  const { html, key } = await pageState(page, info.javaScript);
  let findings = findingsByState.get(key);
  if (!findings) {
    findings = info.javaScript ? runAxe(page) : runAxeOnReplay(page, info, html);
    findingsByState.set(key, findings);
  }
  const violations = await findings;
  if (violations.length > 0) {
    const lines = violations.flatMap((violation) => [
      `${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help} — ${violation.helpUrl}`,
      ...violation.nodes.map((node) => `    at ${node.target.map((t) => JSON.stringify(t)).join(' > ')}`),
    ]);
    throw new AssertionError({
      message: `axe found ${violations.length} accessibility violation(s) on ${page.url()} (JavaScript ${info.javaScript ? 'on' : 'off'}):\n${lines.join('\n')}`,
    });
  }
}

/** A JS-off page's document as the replay shows it. */
interface ShownDocument {
  url: string;
  status: number;
  headers: Record<string, string>;
  html: string;
}

/**
 * Per browser, the JavaScript-enabled page that JS-off pages are replayed in (see
 * checkAccessibility), one replay at a time: scripts aborted, the replayed URL answered with the
 * document `shown`, everything else (the stylesheets) from the app. One page for all replays
 * rather than a new context each: its renderer is started once, and it keeps no state between
 * replays that axe could see, as no script runs in it.
 */
const replayers = new WeakMap<Browser, { page: Promise<Page>; shown?: ShownDocument; queue: Promise<unknown> }>();

function replayerFor(browser: Browser) {
  let replayer = replayers.get(browser);
  if (!replayer) {
    const created = (async () => {
      const context = await browser.newContext({ javaScriptEnabled: true, locale: 'sv-SE' });
      await context.route(
        () => true,
        (route) => {
          const request = route.request();
          const shown = replayers.get(browser)?.shown;
          if (request.resourceType() === 'script') return route.abort('blockedbyclient');
          if (shown && request.isNavigationRequest() && request.url().split('#')[0] === shown.url) {
            return route.fulfill({ status: shown.status, headers: shown.headers, body: shown.html });
          }
          return route.continue();
        },
      );
      return context.newPage();
    })();
    replayer = { page: created, queue: Promise.resolve() };
    replayers.set(browser, replayer);
  }
  return replayer;
}

/** axe on a JS-off page: its serialized DOM `html` replayed with scripts on (see checkAccessibility). */
function runAxeOnReplay(page: Page, info: PageInfo, html: string): Promise<AxeViolation[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('checkAccessibility: the page has no browser');
  const headers = { ...(info.document?.headers ?? { 'content-type': 'text/html; charset=utf-8' }) };
  for (const name of ['content-length', 'content-encoding', 'transfer-encoding']) delete headers[name];
  const shown: ShownDocument = { url: page.url().split('#')[0]!, status: info.document?.status ?? 200, headers, html };
  const viewport = page.viewportSize();
  const replayer = replayerFor(browser);
  const run = replayer.queue.then(async () => {
    const replay = await replayer.page;
    replayer.shown = shown;
    if (viewport) await replay.setViewportSize(viewport);
    await replay.goto(shown.url, { waitUntil: 'load' });
    return runAxe(replay);
  });
  replayer.queue = run.catch(() => {});
  return run;
}

/** A full-page PNG of the page, for the screenshots kept under docs/. */
export async function screenshot(page: Page, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true, type: 'png' });
}

/**
 * One browser and one server for a test file, started before its tests and closed after:
 * the browser first, so that if it cannot start no server is left holding the process open.
 * `setup` runs once both are up (e.g. to create data through the API).
 */
export function useBrowserAndServer(setup?: (server: Server) => Promise<void>): { browser: Browser; server: Server } {
  const shared = {} as { browser: Browser; server: Server };
  before(async () => {
    shared.browser = await launchBrowser();
    shared.server = await startServer();
    await setup?.(shared.server);
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

type Server = Awaited<ReturnType<typeof startServer>>;
