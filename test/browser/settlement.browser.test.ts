/**
 * The redovisning of a year in a real headless Chromium, with JavaScript on and off: from the
 * application's result page "Redovisa året", Skolverket's decision (a mistake first), a member
 * who ended early with the actual cost from the ledger, check, and the settlement's result with
 * the conditions during the year opened. Every page visited is checked with axe-core.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAccessibility, newPage, useBrowserAndServer } from './browser.ts';
import { addTeam, kr, schoolMember, socialMember, startDraft, toResult, Visitor } from './journey-steps.ts';

const shared = useBrowserAndServer();

for (const javaScript of [true, false]) {
  describe(`the redovisning, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('from the result page to the settlement of the year', async () => {
      const page = await newPage(shared.browser, { javaScript });
      try {
        const v = new Visitor(page, shared.server.baseUrl, checkAccessibility);
        await startDraft(v);
        await addTeam(v, 'Skolsocialt team Norr', [schoolMember, socialMember]);
        await toResult(v);

        // After the year: the offer is in the collapsed "what happens next".
        await page.getByText('Så går det till härnäst').click();
        await v.expectPage(await v.follow(v.button('Redovisa året')), 'Vad beslutade Skolverket?');
        const invalid = await v.follow(v.button('Fortsätt'));
        assert.equal(invalid.status(), 422);
        assert.match(await page.title(), /^Fel: Vad beslutade Skolverket\?/);
        await page.getByLabel('Beviljat belopp, kronor').fill('300 000');
        await page.getByLabel('Beslutets datum').fill('15/4 2026');
        await v.expectPage(await v.follow(v.button('Fortsätt')), 'Teamen i ansökan');

        await v.expectPage(await v.follow(page.getByRole('link', { name: 'Personer Skolsocialt team Norr' })), 'Personerna i Skolsocialt team Norr');
        await v.follow(page.getByRole('link', { name: /^Ändra Skolsocionom/ }));
        await page.getByLabel('Sista dagen').fill('14/6 2026');
        await page.getByLabel('Faktisk kostnad under teamets period, kronor').fill('180 000');
        await v.expectPage(await v.follow(v.button('Spara och fortsätt')), 'Personerna i Skolsocialt team Norr');
        await v.expectPage(await v.follow(v.link('Klar med teamet')), 'Teamen i ansökan');
        await v.expectPage(await v.follow(v.link('Fortsätt till att kontrollera svaren')), 'Kontrollera redovisningen');
        await v.expectPage(await v.follow(v.link('Se redovisningen')), 'Redovisning av bidragsår 2026');

        assert.equal((await page.locator('.panel__verdict').textContent())?.trim(), 'Uppskattning — myndigheten beslutar');
        const row = page.locator('table.settlement-teams tbody tr', { hasText: 'Skolsocialt team Norr' });
        assert.deepEqual(await row.locator('td').allTextContents(), [kr('300 000'), kr('331 178'), kr('300 000'), kr('0')]);
        assert.deepEqual(await page.locator('table.settlement-municipalities tbody td').allTextContents(), [kr('300 000'), kr('90 000'), kr('210 000')]);
        assert.match((await page.locator('ul.settlement-changes').textContent()) ?? '', /2026-06-15, slutade tidigare:.*Skolverket och Socialstyrelsen/);
        // The conditions during the year, opened: the chart and the days below a minimum.
        await page.getByText('Villkoren under året: Skolsocialt team Norr').click();
        assert.ok(await page.locator('details[open] svg').first().isVisible());
        assert.match(
          (await page.locator('ul.below-minimum').textContent()) ?? '',
          /Personal från socialtjänsten 2026-06-15–2026-12-31, lägst 0,00 \(krav 1,00\)/,
        );
        await checkAccessibility(page);
      } finally {
        await page.context().close();
      }
    });
  });
}
