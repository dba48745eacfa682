/**
 * The pages in a real headless Chromium, with JavaScript on and off: status, language, the skip
 * link as the first stop for the keyboard, no axe-core violations of WCAG 2.2 A/AA, and no
 * horizontal scrolling at 200 % zoom. One browser for the whole file.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { checkAccessibility, newPage, useBrowserAndServer } from './browser.ts';

const shared = useBrowserAndServer();

const pages = [
  { path: '/', lang: 'sv' },
  { path: '/?lang=en', lang: 'en' },
  { path: '/regler', lang: 'sv' },
  { path: '/regler?lang=en', lang: 'en' },
  { path: '/importera', lang: 'sv' },
  { path: '/tillganglighet?lang=en', lang: 'en' },
] as const;

/** What the page's layout overflows by, in CSS px, sideways: 0 when nothing needs scrolling. */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

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
