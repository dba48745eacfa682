/**
 * The pages in a real headless Chromium, with JavaScript on and off: status, language, the skip
 * link as the first stop for the keyboard, no axe-core violations of WCAG 2.2 A/AA, and no
 * horizontal scrolling at 200 % zoom. One browser for the whole file.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildApplication } from '../application-builder.ts';
import { checkAccessibility, newPage, useBrowserAndServer } from './browser.ts';

/** A one-team result and the kommun's overview it is shared with, made through the API. */
const made = { result: '', overview: '' };
const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
const shared = useBrowserAndServer(async ({ baseUrl }) => {
  const application = buildApplication({
    teams: [
      {
        name: 'Team Norr',
        members: [{ side: 'school' }, { side: 'school', fte: '0.5', end: '2026-06-30' }, { side: 'social_services', monthlySalary: '30000' }],
      },
    ],
  });
  const { id } = (await post(`${baseUrl}/api/v1/drafts`, application)) as { id: string };
  const overview = (await post(`${baseUrl}/api/v1/overviews`, { municipalityCode: '0180', grantYear: 2026 })) as { key: string; submissionCode: string };
  await post(`${baseUrl}/api/v1/drafts/${id}/share`, { submissionCode: overview.submissionCode });
  made.result = `/ansokan/${id}/resultat`;
  made.overview = `/oversikt/${overview.key}`;
});

const pages = [
  { path: '/', lang: 'sv' },
  { path: '/?lang=en', lang: 'en' },
  { path: '/regler', lang: 'sv' },
  { path: '/regler?lang=en', lang: 'en' },
  { path: '/importera', lang: 'sv' },
  { path: '/tillganglighet?lang=en', lang: 'en' },
  { path: '/om-tjansten', lang: 'sv' },
] as const;

/** What the page's layout overflows by, in CSS px, sideways: 0 when nothing needs scrolling. */
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const javaScript of [true, false]) {
  describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    for (const { path, lang } of pages) {
      test(`${path}: lang, skip link first, no axe violations`, async () => {
        const page = await newPage(shared.browser, { javaScript });
        try {
          const response = await page.goto(shared.server.baseUrl + path);
          assert.equal(response?.status(), 200);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);

          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const element = document.activeElement;
            const box = element?.getBoundingClientRect();
            return {
              isSkipLink: element?.matches('a.skip-link') ?? false,
              href: element?.getAttribute('href') ?? null,
              onScreen: box !== undefined && box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0,
            };
          });
          assert.ok(focused.isSkipLink, 'the first Tab lands on the skip link');
          assert.equal(focused.href, '#innehall');
          assert.ok(focused.onScreen, 'the skip link is shown when it has focus');
          assert.equal(await page.locator('#innehall').count(), 1, 'the skip link has a target');

          await checkAccessibility(page);
        } finally {
          await page.context().close();
        }
      });

      test(`${path}: no horizontal scrolling at 200 % zoom (640×800 CSS px)`, async () => {
        const page = await newPage(shared.browser, { javaScript });
        try {
          await page.setViewportSize({ width: 640, height: 800 });
          await page.goto(shared.server.baseUrl + path);
          assert.equal(await horizontalOverflow(page), 0, 'the page is wider than the window');
        } finally {
          await page.context().close();
        }
      });
    }
  });
}

/** The window of a desktop and of a phone: the fold is the bottom of the first screen. */
const windows = [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
];
/** What the issue allows a one-team, three-person result at 1 280 px without JavaScript. */
const MAX_RESULT_HEIGHT = 3000;

for (const javaScript of [true, false]) {
  describe(`the result page and the overview at 1 280 and 375 px, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    for (const { width, height } of windows) {
      for (const which of ['result', 'overview'] as const) {
        test(`${which} at ${width} px: no sideways scrolling, no axe violations`, async () => {
          const page = await newPage(shared.browser, { javaScript });
          try {
            await page.setViewportSize({ width, height });
            const response = await page.goto(shared.server.baseUrl + made[which]);
            assert.equal(response?.status(), 200);
            if (which === 'result') {
              // The answer first: Skolverket's grant on the first screen, and the whole page short.
              const grant = page.locator('.grant-total__main dd');
              assert.match((await grant.textContent()) ?? '', /\d\u00a0kr$/);
              const bottom = await grant.evaluate((dd) => dd.getBoundingClientRect().bottom);
              assert.ok(bottom <= height, `Skolverket's grant ends ${bottom} px down, below the fold at ${height} px`);
              if (width === 1280 && !javaScript) {
                const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
                assert.ok(pageHeight <= MAX_RESULT_HEIGHT, `the page is ${pageHeight} px tall`);
              }
              // Then everything collapsed is opened, so that what it holds is checked too.
              await page.locator('details:not([open]) > summary').evaluateAll((summaries) =>
                summaries.forEach((s) => {
                  (s.parentElement as HTMLDetailsElement).open = true;
                }),
              );
              const textPx = await page.evaluate(() => {
                const svg = document.querySelector('svg.chart') as SVGSVGElement;
                return (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width) * Number(svg.getAttribute('font-size'));
              });
              assert.ok(textPx >= 11, `the chart's text is ${textPx.toFixed(1)} px`);
            }
            assert.equal(await horizontalOverflow(page), 0, 'the page is wider than the window');
            // Every amount cell is inside the window: nothing is hidden behind a scroll region.
            const outside = await page.evaluate(
              () =>
                [...document.querySelectorAll('table.table--cards td.numeric')].filter((cell) => cell.getBoundingClientRect().right > window.innerWidth).length,
            );
            assert.equal(outside, 0);
            await checkAccessibility(page);
          } finally {
            await page.context().close();
          }
        });
      }
    }
  });
}
