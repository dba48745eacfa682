/**
 * The hand-off link in a real headless Chromium, JavaScript on and off: the coordinator makes a
 * link for the social-services side of a team; the person who gets it, in another browser,
 * sees only that side, makes a mistake on the member page and corrects it, says they are done;
 * the coordinator then sees the person and "Klar" beside the link. Every page both of them
 * reach, the error page included, is checked with axe-core.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAccessibility, useBrowserAndServer } from './browser.ts';
import { addMember, asNewVisitor, createTeam, fillMember, schoolMember, socialMember, startDraft, type Visitor } from './journey-steps.ts';

const shared = useBrowserAndServer();

/** A person in a browser of their own (a fresh context), every page checked with axe. */
const person = <T>(javaScript: boolean, scenario: (v: Visitor) => Promise<T>) =>
  asNewVisitor(shared.browser, shared.server.baseUrl, { javaScript, onPage: checkAccessibility }, scenario);

for (const javaScript of [true, false]) {
  describe(`a link for one side of a team, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('the link holder fills in their side only, corrects a mistake and says they are done', async () => {
      await person(javaScript, async (c) => {
        const coordinator = c.page;
        await startDraft(c);
        await createTeam(c, 'Skolsocialt team Väst');
        await addMember(c, schoolMember);
        const peoplePage = coordinator.url();

        await c.expectPage(await c.follow(c.link('Dela en del av teamet med en länk')), 'Dela en del av Skolsocialt team Väst med en länk');
        await coordinator.getByLabel('Socialtjänsten', { exact: true }).check();
        await c.expectPage(await c.follow(c.button('Skapa länken')), 'Dela en del av Skolsocialt team Väst med en länk');
        const link = await coordinator.getByLabel('Länken').inputValue();
        assert.match(new URL(link).pathname, /^\/lank\/[A-Za-z0-9_-]{22}$/);

        await person(javaScript, async (holder) => {
          await holder.expectPage(await holder.goto(link), 'Personal från socialtjänsten i Skolsocialt team Väst');
          const main = () => holder.page.locator('main').innerText();
          // Only this side: the school member the coordinator added is not shown.
          assert.doesNotMatch(await main(), /Skolkurator/);
          assert.match(await main(), /Det finns inga personer här ännu\./);

          await holder.expectPage(await holder.follow(holder.link('Lägg till en person')), 'Lägg till en person i teamet');
          // The side is the link's, and the only one offered.
          assert.equal(await holder.page.getByLabel('Skolpersonal', { exact: true }).count(), 0);
          await fillMember(holder.page, { ...socialMember, fte: '' });
          const invalid = await holder.follow(holder.button('Spara och fortsätt'));
          assert.equal(invalid.status(), 422);
          assert.match(await holder.page.title(), /^Fel: /);
          assert.equal(await holder.page.getByLabel('Månadslön eller arvode vid heltid').inputValue(), '40 000');
          await holder.page.getByLabel('Tjänstgöringsgrad i teamet').fill('0,5');
          await holder.expectPage(await holder.follow(holder.button('Spara och fortsätt')), 'Personal från socialtjänsten i Skolsocialt team Väst');
          assert.match(await main(), /Skolsocionom/);
          assert.match(await main(), /0,50/);

          await holder.expectPage(await holder.follow(holder.button('Jag är klar')), 'Personal från socialtjänsten i Skolsocialt team Väst');
          assert.match(await main(), /Du meddelade att du var klar/);
        });

        // The coordinator sees the person on the team's page, and "Klar" beside the link.
        await c.expectPage(await c.goto(peoplePage), 'Personerna i Skolsocialt team Väst');
        assert.match(await coordinator.locator('main').innerText(), /Skolsocionom/);
        await c.expectPage(await c.follow(c.link('Dela en del av teamet med en länk')), 'Dela en del av Skolsocialt team Väst med en länk');
        assert.match(await coordinator.locator('table').innerText(), /Klar /);
      });
    });
  });
}
