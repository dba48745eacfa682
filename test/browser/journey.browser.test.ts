/**
 * The guided check in a real headless Chromium, as a person would go through it: clicking labels,
 * links and buttons, typing Swedish numbers and dates, with JavaScript on and off. Every page
 * visited, error states included, is checked with axe-core (WCAG 2.0–2.2 A/AA).
 * One browser and one server for the file; a fresh browser context for each scenario.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { checkAccessibility, useBrowserAndServer } from './browser.ts';
import {
  addMember,
  addTeam,
  asNewVisitor,
  createTeam,
  fillMember,
  kr,
  schoolMember,
  socialMember,
  startDraft,
  toResult,
  type Visitor,
} from './journey-steps.ts';

const shared = useBrowserAndServer();

/** The main content's text, whitespace runs (not no-break spaces) made single spaces. */
const mainText = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/[ \t\r\n]+/g, ' ');

/** A draft's own pages: /ansokan/ and its 22-character id. */
const DRAFT_PAGE = /\/ansokan\/[A-Za-z0-9_-]{22}(?:[/?]|$)/;

/**
 * Checks every page a person reaches: no axe violations, and on every page of a draft that
 * exists the way back, the draft's link under "Spara och fortsätt senare".
 */
async function checkPage(page: Page): Promise<void> {
  await checkAccessibility(page);
  if (!DRAFT_PAGE.test(new URL(page.url()).pathname) || (await page.locator('h1').textContent())?.trim() === 'Sidan finns inte') return;
  const heading = (await page.locator('html').getAttribute('lang')) === 'en' ? 'Save and continue later' : 'Spara och fortsätt senare';
  assert.equal(await page.getByRole('heading', { name: heading }).count(), 1, `the way back on ${page.url()}`);
  assert.match((await page.locator('#draft-link-url').textContent()) ?? '', DRAFT_PAGE);
}

/** Runs a scenario as a new person (a fresh browser context), every page checked. */
const as = <T>(javaScript: boolean, scenario: (v: Visitor) => Promise<T>) =>
  asNewVisitor(shared.browser, shared.server.baseUrl, { javaScript, onPage: checkPage }, scenario);

for (const javaScript of [true, false]) {
  describe(`the guided check, JavaScript ${javaScript ? 'on' : 'off'}`, { concurrency: 2 }, () => {
    test('an eligible team, with a validation error on the way', () =>
      as(javaScript, async (v) => {
        await startDraft(v);
        await createTeam(v, 'Skolsocialt team Norr');

        // The member page sent without the fte: the error summary, "Fel:" in the title, values kept.
        await v.expectPage(await v.follow(v.link('Lägg till en person')), 'Lägg till en person i teamet');
        await fillMember(v.page, { ...schoolMember, fte: '' });
        const invalid = await v.follow(v.button('Spara och fortsätt'));
        assert.equal(invalid.status(), 422);
        assert.match(await v.page.title(), /^Fel: Lägg till en person i teamet/);
        // The error summary comes first, as an alert, and links to the field.
        const summary = v.page.getByRole('alert');
        assert.equal(await summary.getAttribute('data-error-summary'), '');
        assert.equal(await summary.getByRole('heading').textContent(), 'Det finns ett problem');
        const summaryLink = summary.getByRole('link', { name: 'Skriv tjänstgöringsgraden', exact: false });
        assert.equal(await summaryLink.getAttribute('href'), '#fte');
        assert.equal(await v.page.locator('#fte').getAttribute('aria-invalid'), 'true');
        assert.match((await v.page.locator('#fte-error').textContent()) ?? '', /Skriv tjänstgöringsgraden/);
        const focusedIsSummary = await v.page.evaluate(() => document.activeElement?.matches('[data-error-summary]') ?? false);
        assert.equal(focusedIsSummary, javaScript, javaScript ? 'enhance.js focuses the error summary' : 'without JS nothing moves focus');
        assert.equal(await v.page.getByLabel('Månadslön eller arvode vid heltid').inputValue(), '42 000');
        assert.equal(await v.page.getByLabel('Personalomkostnadspålägg').inputValue(), '31,42 %');
        assert.equal(await v.page.getByLabel('Första dagen').inputValue(), '15/8 2025');
        assert.ok(await v.page.getByLabel('Skolpersonal', { exact: true }).isChecked());
        // The summary's link takes the reader to the field.
        await summaryLink.click();
        assert.equal(new URL(v.page.url()).hash, '#fte');
        await v.page.getByLabel('Tjänstgöringsgrad i teamet').fill(schoolMember.fte);
        await v.expectPage(await v.follow(v.button('Spara och fortsätt')), 'Personerna i Skolsocialt team Norr');
        assert.match(await mainText(v.page), /Skolpersonal, 1,00 tjänstgöringsgrad, 2025-08-15 – tills vidare/);

        await addMember(v, socialMember);
        await v.expectPage(await v.follow(v.link('Klar med teamet')), 'Teamen i ansökan');
        await toResult(v);
        assert.equal((await v.page.locator('.panel__verdict').textContent())?.trim(), 'Ansökan uppfyller villkoren för bidrag');
        // The answer first: the grant to the organiser on the first screen (1 280 × 720).
        const grant = v.page.locator('.grant-total__main');
        assert.equal((await grant.locator('dt').textContent())?.trim(), 'Skolverkets bidrag till huvudmannen');
        assert.equal(await grant.locator('dd').textContent(), kr('331 178'));
        assert.ok(await grant.evaluate((row) => row.getBoundingClientRect().bottom <= window.innerHeight), 'the grant is above the fold');
        // The team's own figures, collapsed below.
        const team = v.page.locator('section.team-result', { has: v.page.getByRole('heading', { name: 'Skolsocialt team Norr' }) });
        const amounts = team.locator('details.team-amounts');
        assert.equal(await amounts.locator('.summary__row', { hasText: 'Skolverkets bidrag' }).locator('dd').isVisible(), false, 'collapsed');
        await amounts.locator('summary').click();
        assert.equal(await amounts.locator('.summary__row', { hasText: 'Skolverkets bidrag' }).locator('dd').textContent(), kr('331 178'));
        assert.equal(await v.page.locator('.notice[role="status"]').count(), 0, 'a first result has not changed');
      }));

    test('a team that does not meet the conditions: the failing condition, its paragraph and the fix', () =>
      as(javaScript, async (v) => {
        await startDraft(v);
        await addTeam(v, 'Skolsocialt team Norr', [schoolMember, { ...socialMember, fte: '0,5' }]);
        await toResult(v);
        assert.equal((await v.page.locator('.panel__verdict').textContent())?.trim(), 'Ansökan uppfyller inte villkoren för bidrag');
        // The team's own findings: the failing condition, its paragraph and how to fix it.
        const team = v.page.locator('section.team-result', { has: v.page.getByRole('heading', { name: 'Skolsocialt team Norr' }) });
        const failing = team.locator('.finding--fail', { hasText: 'Minst en årsarbetskraft från socialtjänsten' });
        assert.equal(await failing.count(), 1);
        assert.equal((await failing.locator('.tag').textContent())?.trim(), 'Inte uppfyllt');
        assert.equal(await failing.locator('.finding__citation').textContent(), '(4 § första stycket 2)');
        assert.match((await failing.locator('.finding__message').textContent()) ?? '', /lägst 0,50/);
        assert.equal(
          await failing.locator('.finding__fix').textContent(),
          'Så kan det rättas: Öka tjänstgöringsgraden för personalen från socialtjänsten med 0,50 från 2026-01-01 till 2026-12-31.',
        );
        assert.equal((await team.locator('.tag-line .tag').textContent())?.trim(), 'Uppfyller inte villkoren');
        // On the to-do list, with a link to the people, the fix, and the way back to check answers.
        const todo = v.page.locator('.todo .finding--fail');
        assert.equal(await todo.count(), 2, 'the social-services minimum and the team total');
        const toPeople = todo.getByRole('link', { name: 'Minst en årsarbetskraft från socialtjänsten: Skolsocialt team Norr' });
        await v.expectPage(await v.follow(toPeople), 'Personerna i Skolsocialt team Norr');
        assert.match(await mainText(v.page), /Socialtjänsten: lägst 0,50 av minst 1,00 ✗/);
        await v.page.goBack();
        assert.equal(await v.heading(), 'Resultat');

        // The same result in English, one click away.
        await v.expectPage(await v.follow(v.link('In English')), 'Result');
        assert.equal(await v.page.locator('html').getAttribute('lang'), 'en');
        assert.equal((await v.page.locator('.panel__verdict').textContent())?.trim(), 'The application does not meet the conditions for a grant');
      }));

    test('an education not known yet: the application needs review', () =>
      as(javaScript, async (v) => {
        await startDraft(v);
        await addTeam(v, 'Skolsocialt team Norr', [schoolMember, { ...socialMember, education: 'Vet inte ännu' }]);
        await toResult(v);
        assert.equal((await v.page.locator('.panel__verdict').textContent())?.trim(), 'Ansökan behöver bedömas');
        assert.match(await mainText(v.page), /Ange utbildningen för Skolsocionom \(p2\)/);
      }));

    test('two teams: one with only school staff is eligible together with the other', () =>
      as(javaScript, async (v) => {
        await startDraft(v);
        await addTeam(v, 'Skolsocialt team Norr', [schoolMember, socialMember]);
        await addTeam(v, 'Team Syd', [schoolMember]);
        await toResult(v);
        const syd = v.page.locator('section.team-result', { has: v.page.getByRole('heading', { name: 'Team Syd' }) });
        assert.match((await syd.locator('.tag-line .tag').textContent()) ?? '', /Uppfyller villkoren tillsammans med huvudmannens andra team/);
        assert.ok((await mainText(v.page)).includes(`${kr('331 178')} + ${kr('331 178')} = ${kr('662 356')}`));

        // 320 CSS px wide (1280 px at 400 % zoom, WCAG 1.4.10): the page reflows, the tables scroll on their own.
        await v.page.setViewportSize({ width: 320, height: 800 });
        await v.page.locator('details summary').first().click();
        assert.equal(await v.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, 'the page scrolls sideways');
        await checkAccessibility(v.page);
      }));

    test('"Ändra" on check-your-answers changes a member and comes back to check-your-answers', () =>
      as(javaScript, async (v) => {
        await startDraft(v);
        await addTeam(v, 'Skolsocialt team Norr', [schoolMember, socialMember]);
        await v.expectPage(await v.follow(v.link('Fortsätt till att kontrollera svaren')), 'Kontrollera dina svar');
        await v.expectPage(await v.follow(v.link('Ändra Skolsocionom (p2)')), 'Ändra uppgifterna om p2');
        const fte = v.page.getByLabel('Tjänstgöringsgrad i teamet');
        assert.equal(await fte.inputValue(), '1,00');
        // A mistake first, then the corrected value.
        await fte.fill('');
        assert.equal((await v.follow(v.button('Spara och fortsätt'))).status(), 422);
        await v.page.getByLabel('Tjänstgöringsgrad i teamet').fill('0,75');
        await v.expectPage(await v.follow(v.button('Spara och fortsätt')), 'Kontrollera dina svar');
        assert.match(new URL(v.page.url()).pathname, /\/kontrollera$/);
        assert.match(await mainText(v.page), /Personal från socialtjänsten, 0,75 tjänstgöringsgrad/);
        // Back shows the page as it is now: the corrected value, no error, no "confirm resubmission".
        const back = await v.page.goBack();
        assert.equal(back?.status(), 200);
        await checkPage(v.page);
        assert.equal(await v.heading(), 'Ändra uppgifterna om p2');
        assert.equal(await v.page.getByLabel('Tjänstgöringsgrad i teamet').inputValue(), '0,75');
        assert.equal(await v.page.getByRole('alert').count(), 0);
      }));

    test('a resumed draft: the link works in another browser, and says when the result has changed', async () => {
      const draftLink = await as(javaScript, async (v) => {
        await startDraft(v);
        await addTeam(v, 'Skolsocialt team Norr', [schoolMember, socialMember]);
        await v.expectPage(await v.follow(v.link('Fortsätt till att kontrollera svaren')), 'Kontrollera dina svar');
        const href = (await v.page.locator('#draft-link-url').textContent())?.trim();
        assert.ok(href, 'the link to the draft, as text to copy');
        assert.match(href, new RegExp(`^${shared.server.baseUrl}/ansokan/[A-Za-z0-9_-]{22}$`), 'the draft itself: /ansokan/{id}');
        assert.equal(await v.page.getByRole('button', { name: 'Kopiera länken' }).count(), javaScript ? 1 : 0, 'a copy button only with JavaScript');
        return href;
      });

      // Another day, another browser: no cookies, only the link, which opens the complete draft at check answers.
      await as(javaScript, async (v) => {
        await v.expectPage(await v.goto(draftLink), 'Kontrollera dina svar');
        await v.expectPage(await v.follow(v.link('Se resultatet')), 'Resultat');
        assert.equal((await v.page.locator('.panel__verdict').textContent())?.trim(), 'Ansökan uppfyller villkoren för bidrag');
        assert.equal(await v.page.locator('.notice[role="status"]').count(), 0, 'nothing has changed yet');
        await v.expectPage(await v.follow(v.link('Ändra svaren')), 'Kontrollera dina svar');
        await v.expectPage(await v.follow(v.link('Ändra Skolsocionom (p2)')), 'Ändra uppgifterna om p2');
        await v.page.getByLabel('Tjänstgöringsgrad i teamet').fill('0,5');
        await v.expectPage(await v.follow(v.button('Spara och fortsätt')), 'Kontrollera dina svar');
      });

      await as(javaScript, async (v) => {
        await v.expectPage(await v.goto(`${draftLink}/resultat`), 'Resultat');
        const banner = (await v.page.locator('.notice[role="status"]').textContent()) ?? '';
        assert.match(banner, /^\s*Resultatet har ändrats sedan du senast såg det\./);
        assert.match(banner, /Status: Ansökan uppfyller villkoren för bidrag → Ansökan uppfyller inte villkoren för bidrag/);
        assert.equal((await v.page.locator('.panel__verdict').textContent())?.trim(), 'Ansökan uppfyller inte villkoren för bidrag');
        await v.expectPage(await v.goto(`${draftLink}/resultat`), 'Resultat');
        assert.equal(await v.page.locator('.notice[role="status"]').count(), 0, 'seen once, the change is no longer news');
      });
    });

    test('the accessibility statement and a page that does not exist', () =>
      as(javaScript, async (v) => {
        await v.expectPage(await v.goto('/tillganglighet'), 'Tillgänglighetsredogörelse');
        const missing = await v.goto('/finns-inte');
        assert.equal(missing.status(), 404);
        assert.equal(await v.heading(), 'Sidan finns inte');
        const missingDraft = await v.goto('/ansokan/AAAAAAAAAAAAAAAAAAAAAA/kontrollera');
        assert.equal(missingDraft.status(), 404);
        assert.equal(await v.heading(), 'Sidan finns inte');
      }));
  });
}
