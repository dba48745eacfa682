/**
 * The quick estimate and the staff-list import in headless Chromium, JavaScript on and off:
 * the form, an error state, the result, the upload and the preview, each with no axe violations.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAccessibility, newPage, useBrowserAndServer } from './browser.ts';
import { createTeam, startDraft, Visitor } from './journey-steps.ts';

const shared = useBrowserAndServer();

const csv =
  'Roll;Sida;Anställning;Tjänstgöringsgrad;Start;Slut;Utbildning;Ursprung;Månadslön;Personalomkostnadspålägg\n' +
  'Skolkurator;skola;Anställning;0,5;2025-08-15;;Examen i psykosocialt arbete;Nytillsatt;42 000;31,42\n' +
  'Kurator;skola;Anställning;2;2025-13-01;;Socionomexamen;Nytillsatt;42 000;31,42\n';

for (const javaScript of [true, false]) {
  describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('uppskattningen: formuläret, ett fel och resultatet', async () => {
      const page = await newPage(shared.browser, { javaScript });
      try {
        assert.equal((await page.goto(`${shared.server.baseUrl}/uppskattning`))?.status(), 200);
        await checkAccessibility(page);
        await page.fill('#schoolFte', 'mycket');
        await page.click('button[type=submit]:has-text("Räkna")');
        await page.waitForSelector('.error-summary');
        assert.match(await page.title(), /^Fel: /);
        await checkAccessibility(page);
        // Without a kommun the error says which one to choose.
        assert.match(await page.locator('.error-summary').innerText(), /Välj kommunen vars socialtjänst ska delta i teamet/);
        await page.check('#grantYear-2026');
        await page.selectOption('#municipalityCode', '1480');
        await page.fill('#schoolFte', '1,5');
        await page.fill('#socialFte', '1');
        await page.fill('#schoolCost', '55 000');
        await page.fill('#socialCost', '52 000');
        await page.fill('#months', '12');
        await page.click('button[type=submit]:has-text("Räkna")');
        await page.waitForSelector('#estimate-result');
        assert.match(await page.locator('.panel__verdict').innerText(), /Bemanningen räcker för bidrag/);
        const result = await page.locator('section[aria-labelledby="estimate-result"]').innerText();
        assert.match(result, /Ett nytt team för grundskolan i Göteborg \(1480\)/);
        assert.match(result, /Resten, 183\s000\skr, kan kommunen få betala tillbaka\./);
        assert.match(result, /Så tas risken bort: 0,59 tjänst mer från socialtjänsten/);
        await checkAccessibility(page);
        await page.click('button:has-text("Starta en ansökan med de här uppgifterna")');
        await page.waitForURL(/\/kontrollera$/);
        assert.match(await page.locator('main').innerText(), /Skolkurator \(p1\)/);
      } finally {
        await page.context().close();
      }
    });

    test('importen: uppladdning och förhandsvisning', async () => {
      const page = await newPage(shared.browser, { javaScript });
      try {
        const visitor = new Visitor(page, shared.server.baseUrl);
        await startDraft(visitor);
        await createTeam(visitor, 'Team Norr');
        await page.click('a:has-text("Importera en personallista")');
        await page.waitForURL(/\/importera$/);
        await checkAccessibility(page);
        await page.setInputFiles('#file', { name: 'personal.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
        await page.click('button:has-text("Läs in och visa")');
        await page.waitForSelector('table');
        assert.match(await page.locator('main').innerText(), /1 rad kan läggas till\. 1 rad har problem/);
        await checkAccessibility(page);
        await page.click('button:has-text("Lägg till 1 person")');
        await page.waitForURL(/\/personer\?/);
        assert.match(await page.locator('main').innerText(), /1 person lades till från listan\. 1 rad hoppades över\./);
        // The same list again: the row is flagged, and the user chooses between adding and replacing.
        await page.click('a:has-text("Importera en personallista")');
        await page.waitForURL(/\/importera$/);
        await page.setInputFiles('#file', { name: 'personal.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
        await page.click('button:has-text("Läs in och visa")');
        await page.waitForSelector('table');
        assert.match(await page.locator('main').innerText(), /Finns redan/);
        await checkAccessibility(page);
        await page.click('label:has-text("Ersätt personerna på samma sida som listan")');
        await page.click('button:has-text("Lägg till personerna")');
        await page.waitForURL(/\/personer\?/);
        assert.match(await page.locator('main').innerText(), /1 person som fanns togs bort\. 1 person lades till från listan\./);
      } finally {
        await page.context().close();
      }
    });
  });
}
