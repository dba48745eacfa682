/**
 * The kommun's overview in a real headless Chromium, with JavaScript on and off: a draft made
 * through the API and marked ready shows in the table, the year form works, no axe-core
 * violations of WCAG 2.2 A/AA.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApplication } from '../application-builder.ts';
import { checkAccessibility, newPage, useBrowserAndServer } from './browser.ts';

const shared = useBrowserAndServer(async (server) => {
  const application = buildApplication({
    teams: [{ name: 'Team Norr', members: [{ side: 'school', employerCostRate: '0.25' }, { side: 'social_services', monthlySalary: '30000', employerCostRate: '0.25' }] }],
  });
  const created = await fetch(`${server.baseUrl}/api/v1/drafts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(application) });
  const { id } = (await created.json()) as { id: string };
  await fetch(`${server.baseUrl}/api/v1/drafts/${id}/ready`, { method: 'POST' });
});

for (const javaScript of [true, false]) {
  describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    for (const [path, lang] of [['/kommun/0180?ar=2026', 'sv'], ['/kommun/0180?ar=2026&lang=en', 'en'], ['/kommun/0180', 'sv']] as const) {
      test(`${path}: the table and no axe violations`, async () => {
        const page = await newPage(shared.browser, { javaScript });
        try {
          const response = await page.goto(shared.server.baseUrl + path);
          assert.equal(response?.status(), 200);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          if (path.includes('ar=')) {
            assert.equal(await page.locator('table caption').count(), 1);
            assert.equal(await page.locator('tbody tr').count(), 1);
            assert.match(await page.locator('tbody tr').innerText(), /Team Norr/);
          }
          await checkAccessibility(page);
        } finally {
          await page.context().close();
        }
      });
    }

    test('choosing a year with the form shows that year', async () => {
      const page = await newPage(shared.browser, { javaScript });
      try {
        await page.goto(`${shared.server.baseUrl}/kommun/0180`);
        await page.selectOption('#ar', '2026');
        await Promise.all([page.waitForURL(/ar=2026/), page.getByRole('button', { name: 'Visa' }).click()]);
        assert.equal(await page.locator('tbody tr').count(), 1);
      } finally {
        await page.context().close();
      }
    });
  });
}
