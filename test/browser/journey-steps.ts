/**
 * The guided check as a person goes through it in the browser: the steps shared by the journey
 * tests (journey.browser.test.ts) and the README screenshots (screenshots.ts). The pages are
 * found as a person finds them, by their labels, links and buttons, and filled in the Swedish way
 * ("42 000", "31,42 %", "15/8 2025").
 */
import assert from 'node:assert/strict';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { newPage } from './browser.ts';

/** A member as a person fills the page in: labels as shown, numbers and dates written the Swedish way. */
export interface MemberInput {
  side: 'Skolpersonal' | 'Personal från socialtjänsten';
  role: string;
  fte: string;
  start: string;
  /** The start of the education option's label. */
  education: string;
  monthlySalary: string;
  employerCostRate: string;
}

export const schoolMember: MemberInput = {
  side: 'Skolpersonal',
  role: 'Skolkurator',
  fte: '1,0',
  start: '15/8 2025',
  education: 'Examen i psykosocialt arbete',
  monthlySalary: '42 000',
  employerCostRate: '31,42 %',
};
export const socialMember: MemberInput = {
  ...schoolMember,
  side: 'Personal från socialtjänsten',
  role: 'Skolsocionom',
  education: 'Socionomexamen',
  monthlySalary: '40 000',
};

/** Kronor as the result page shows them: no-break spaces between the groups and before "kr". */
export const kr = (amount: string) => `${amount.replace(/ /g, '\u00a0')}\u00a0kr`;

/**
 * A person in one browser tab, going from page to page by clicking. Every page they reach is
 * handed to onPage (the tests check it with axe) before they go on, so no page of the journey,
 * error pages included, escapes the check.
 */
export class Visitor {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    private readonly onPage: (page: Page) => Promise<void> = async () => {},
  ) {}

  /** Types a URL into the address bar (a path is taken as on the app). */
  async goto(url: string): Promise<Response> {
    const response = await this.page.goto(url.startsWith('http') ? url : this.baseUrl + url);
    assert.ok(response, `no response for ${url}`);
    await this.onPage(this.page);
    return response;
  }

  /** Clicks something that loads a new page; returns that page's response (after any redirect). */
  async follow(target: Locator): Promise<Response> {
    const [response] = await Promise.all([this.page.waitForNavigation(), target.click()]);
    assert.ok(response, 'the click loaded no page');
    await this.onPage(this.page);
    return response;
  }

  link(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async heading(): Promise<string> {
    return ((await this.page.locator('h1').textContent()) ?? '').trim();
  }

  /** Asserts the page's h1, and that the response was a success. */
  async expectPage(response: Response, heading: string | RegExp): Promise<void> {
    assert.equal(response.status(), 200, `${response.url()} answered ${response.status()}`);
    if (typeof heading === 'string') assert.equal(await this.heading(), heading);
    else assert.match(await this.heading(), heading);
  }
}

/**
 * Runs a scenario as a new person, in a browser context of their own with JavaScript on or off,
 * every page they reach handed to onPage; the context is closed whatever happens.
 */
export async function asNewVisitor<T>(
  browser: Browser,
  baseUrl: string,
  { javaScript, onPage }: { javaScript: boolean; onPage?: (page: Page) => Promise<void> },
  scenario: (v: Visitor) => Promise<T>,
): Promise<T> {
  const page = await newPage(browser, { javaScript });
  try {
    return await scenario(new Visitor(page, baseUrl, onPage));
  } finally {
    await page.context().close();
  }
}

/** From the start page to the (empty) teams page: grant year 2026, a municipality as huvudman. */
export async function startDraft(v: Visitor): Promise<void> {
  await v.expectPage(await v.goto('/'), 'Kontrollera och beräkna statsbidraget för skolsociala team');
  await v.expectPage(await v.follow(v.button('Starta')), 'Vilket bidragsår gäller ansökan?');
  await v.page.getByLabel('2026', { exact: true }).check();
  await v.expectPage(await v.follow(v.button('Fortsätt')), 'Vem är huvudman?');
  await v.page.getByLabel('Huvudmannens namn').fill('Exempla kommun');
  await v.page.getByLabel('Organisationsnummer').fill('212000-0142');
  await v.page.getByLabel('Kommun', { exact: true }).check();
  await v.expectPage(await v.follow(v.button('Fortsätt')), 'Teamen i ansökan');
}

/** Fills in the member page (new or existing member) without submitting it. */
export async function fillMember(page: Page, member: MemberInput): Promise<void> {
  await page.getByLabel(member.side, { exact: true }).check();
  await page.getByLabel('Roll').fill(member.role);
  await page.getByLabel('Anställning', { exact: true }).check();
  await page.getByLabel('Tjänstgöringsgrad i teamet').fill(member.fte);
  await page.getByLabel('Första dagen').fill(member.start);
  await page.getByLabel('Sista dagen').fill('');
  await page.getByLabel(member.education).check();
  await page.getByLabel('Nytillsatt').check();
  await page.getByLabel('Månadslön eller arvode vid heltid').fill(member.monthlySalary);
  await page.getByLabel('Personalomkostnadspålägg').fill(member.employerCostRate);
  await page.getByLabel('Del som betalas av andra statsbidrag').fill('');
}

/** From the teams page: a new team in Stockholm for the whole grant year; ends on its (empty) people page. */
export async function createTeam(v: Visitor, name: string): Promise<void> {
  await v.expectPage(await v.follow(v.link('Lägg till ett team')), 'Lägg till ett team');
  await v.page.getByLabel('Teamets namn').fill(name);
  await v.page.getByLabel('Grundskola', { exact: true }).check();
  await v.page.getByLabel('Kommunen vars socialtjänst deltar').selectOption({ label: 'Stockholm (0180)' });
  await v.page.getByLabel('Nytt team').check();
  await v.page.getByLabel('Nej', { exact: true }).check();
  await v.expectPage(await v.follow(v.button('Fortsätt')), `Personerna i ${name}`);
}

/** From a team's people page: adds a member, and comes back to the people page. */
export async function addMember(v: Visitor, member: MemberInput): Promise<void> {
  const people = await v.heading();
  await v.expectPage(await v.follow(v.link('Lägg till en person')), 'Lägg till en person i teamet');
  await fillMember(v.page, member);
  await v.expectPage(await v.follow(v.button('Spara och fortsätt')), people);
}

/** From the teams page: adds a team with its members, and returns to the teams page. */
export async function addTeam(v: Visitor, name: string, members: MemberInput[]): Promise<void> {
  await createTeam(v, name);
  for (const member of members) await addMember(v, member);
  await v.expectPage(await v.follow(v.link('Klar med teamet')), 'Teamen i ansökan');
}

/** From the teams page to the result, through "check your answers". */
export async function toResult(v: Visitor): Promise<void> {
  await v.expectPage(await v.follow(v.link('Fortsätt till att kontrollera svaren')), 'Kontrollera dina svar');
  await v.expectPage(await v.follow(v.link('Se resultatet')), 'Resultat');
}
