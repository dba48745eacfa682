/**
 * The kommun's overview in a real headless Chromium, with JavaScript on and off: finance staff
 * create an overview with the form and get its link and code; a coordinator shares a draft from
 * the result page with the code, sees first what the kommun will see, and the team shows in the
 * overview's table. No axe-core violations of WCAG 2.2 A/AA on any of these pages.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApplication } from '../application-builder.ts';
import { checkAccessibility, newPage, useBrowserAndServer } from './browser.ts';

const application = buildApplication({
  teams: [
    {
      name: 'Team Norr',
      members: [
        { side: 'school', employerCostRate: '0.25' },
        { side: 'social_services', monthlySalary: '30000', employerCostRate: '0.25' },
      ],
    },
  ],
});

/** A new draft through the API; its id. */
async function createDraft(baseUrl: string): Promise<string> {
  const created = await fetch(`${baseUrl}/api/v1/drafts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(application),
  });
  return ((await created.json()) as { id: string }).id;
}

const overview = { key: '', submissionCode: '' };
const shared = useBrowserAndServer(async (server) => {
  const created = await fetch(`${server.baseUrl}/api/v1/overviews`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ municipalityCode: '0180', grantYear: 2026 }),
  });
  Object.assign(overview, await created.json());
  const id = await createDraft(server.baseUrl);
  await fetch(`${server.baseUrl}/api/v1/drafts/${id}/share`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ submissionCode: overview.submissionCode }),
  });
});

for (const javaScript of [true, false]) {
  describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    for (const [rest, lang] of [
      ['', 'sv'],
      ['?lang=en', 'en'],
    ] as const) {
      test(`the overview${rest}: the table and no axe violations`, async () => {
        const page = await newPage(shared.browser, { javaScript });
        try {
          const response = await page.goto(`${shared.server.baseUrl}/oversikt/${overview.key}${rest}`);
          assert.equal(response?.status(), 200);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          assert.equal(await page.locator('table caption').count(), 1);
          assert.ok((await page.locator('tbody tr').count()) >= 1);
          assert.match(await page.locator('tbody tr').first().innerText(), /Team Norr/);
          await checkAccessibility(page);
        } finally {
          await page.context().close();
        }
      });
    }

    test('creating an overview with the form shows its link and its code', async () => {
      const page = await newPage(shared.browser, { javaScript });
      try {
        await page.goto(`${shared.server.baseUrl}/`);
        await Promise.all([page.waitForURL(/\/oversikt\/ny$/), page.getByRole('link', { name: 'Skapa en översikt för kommunen' }).click()]);
        await checkAccessibility(page);
        await page.getByLabel('Kommun').selectOption('0180');
        await page.getByLabel('Bidragsår').selectOption('2026');
        await page.getByRole('button', { name: 'Skapa översikten' }).click();
        await page.getByRole('heading', { name: 'Översikten är skapad' }).waitFor();
        const link = await page.getByLabel('Länken till översikten').inputValue();
        const code = await page.getByLabel('Inskickningskoden').inputValue();
        assert.match(link, /\/oversikt\/[A-Za-z0-9_-]{22}$/);
        assert.match(code, /^[A-Za-z0-9_-]{22}$/);
        await checkAccessibility(page);
      } finally {
        await page.context().close();
      }
    });

    test('sharing from the result page shows first what the kommun sees, then the share', async () => {
      const id = await createDraft(shared.server.baseUrl);
      const page = await newPage(shared.browser, { javaScript });
      try {
        await page.goto(`${shared.server.baseUrl}/ansokan/${id}/resultat`);
        await page.locator('summary', { hasText: 'Dela med kommunens översikt' }).click();
        await page.getByLabel('Inskickningskod från kommunen').fill(overview.submissionCode);
        await page.getByRole('button', { name: 'Fortsätt' }).click();
        await page.getByRole('heading', { name: 'Det här ser Stockholm i översikten för 2026' }).waitFor();
        assert.match(await page.locator('tbody tr').innerText(), /Team Norr/);
        await checkAccessibility(page);
        await page.getByRole('button', { name: 'Dela med kommunens översikt' }).click();
        await page.getByText('Ansökan är delad med').waitFor();
        assert.equal(await page.getByRole('button', { name: 'Ta tillbaka från Stockholm' }).count(), 1);
        await checkAccessibility(page);
      } finally {
        await page.context().close();
      }
    });
  });
}
