/**
 * The service explains itself: "Om tjänsten" says who runs it (from the settings), what it does
 * and does not do, what it keeps and for how long (the stores' own constants), who sees what and
 * how to reach the owner; the accessibility statement names the same contact; the result page
 * says what happens next in the same words as the PDF. One app for the file.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { readConfig, serviceInfo } from '../src/config.ts';
import { HANDOFF_LINK_DAYS, LINK_KEPT_DAYS } from '../src/drafts/handoff.ts';
import { OVERVIEW_RETENTION_DAYS } from '../src/drafts/overviews.ts';
import { DRAFT_RETENTION_DAYS } from '../src/drafts/store.ts';
import { aboutView } from '../src/service-words.ts';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';
import { addTeam, school, social, startDraft } from './journey-answers.ts';

const service = serviceInfo(
  readConfig({
    SERVICE_OWNER: 'Exempla kommun, skolförvaltningen',
    SERVICE_CONTACT_EMAIL: 'sst-bidrag@exempla.se',
    SERVICE_PRIVACY_URL: 'https://exempla.se/integritet',
  }),
);

let app: FastifyInstance;
before(async () => {
  app = await buildApp({}, { service });
});
after(() => app.close());

/** The page's text without tags, with its entities and spaces as a reader sees them. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('om tjänsten', () => {
  test('sidan säger på svenska vem som driver tjänsten, vad den gör och hur man når ägaren', async () => {
    const response = await app.inject('/om-tjansten');
    assert.equal(response.statusCode, 200);
    const text = textOf(response.body);
    assert.match(response.body, /<title>Om tjänsten – sst-bidrag<\/title>/);
    assert.match(text, /Tjänsten drivs av Exempla kommun, skolförvaltningen\./);
    assert.match(text, /Tjänsten lämnar inte in något\./);
    assert.match(text, /Det är myndigheterna som beslutar om bidraget/);
    assert.match(response.body, /<a class="url" href="mailto:sst-bidrag@exempla.se">sst-bidrag@exempla.se<\/a>/);
    assert.match(response.body, /href="https:\/\/exempla.se\/integritet"/);
    for (const who of ['Länken till ett utkast', 'En länk för en del av ett team', 'Länken till kommunens översikt', 'Inskickningskoden'])
      assert.ok(text.includes(who), who);
    assert.match(text, /Namn på personer efterfrågas aldrig/);
    assert.match(text, /logg innehåller aldrig id, länkar, nycklar, koder, löner, namn/);
  });

  test('sidan säger hur länge utkast, länkar och översikter sparas, med tjänstens egna gränser', async () => {
    const sv = textOf((await app.inject('/om-tjansten')).body);
    assert.ok(
      sv.includes(
        `Ett utkast sparas i ${DRAFT_RETENTION_DAYS} dagar efter att det senast sparades och raderas sedan med sina länkar, delningar och sin historik.`,
      ),
    );
    assert.ok(
      sv.includes(
        `En länk för en del av ett team gäller i ${HANDOFF_LINK_DAYS} dagar. En utgången eller återkallad länk visas som sådan i ${LINK_KEPT_DAYS} dagar`,
      ),
    );
    assert.ok(sv.includes(`En översikt för kommunen sparas i ${OVERVIEW_RETENTION_DAYS} dagar efter att den senast öppnades eller ändrades`));
    const en = textOf((await app.inject('/om-tjansten?lang=en')).body);
    assert.ok(en.includes(`A draft is kept for ${DRAFT_RETENTION_DAYS} days after it was last saved`));
    assert.ok(en.includes(`works for ${HANDOFF_LINK_DAYS} days. An expired or revoked link is shown as such for ${LINK_KEPT_DAYS} days`));
    assert.ok(en.includes(`kept for ${OVERVIEW_RETENTION_DAYS} days after it was last opened or changed`));
  });

  test('sidan finns på engelska', async () => {
    const response = await app.inject('/om-tjansten?lang=en');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<html lang="en">/);
    const text = textOf(response.body);
    assert.match(text, /The service is run by Exempla kommun, skolförvaltningen\./);
    assert.match(text, /The service submits nothing\./);
    assert.match(response.body, /mailto:sst-bidrag@exempla.se/);
  });

  test('varje sida länkar till Om tjänsten i sidfoten, på sidans språk', async () => {
    assert.match((await app.inject('/')).body, /<footer[\s\S]*<a href="\/om-tjansten">Om tjänsten<\/a>/);
    assert.match((await app.inject('/regler?lang=en')).body, /<footer[\s\S]*<a href="\/om-tjansten\?lang=en">About the service<\/a>/);
  });

  test('utan inställningar säger sidan att kommunen ska ange ägare, kontakt och integritetspolicy', () => {
    const view = aboutView({}, 'sv');
    assert.match(view.ownerText, /har inte angett sitt namn här ännu/);
    assert.match(view.ownerText, /ska ange namn, kontaktadress och integritetspolicy/);
    assert.equal(view.contact.email, undefined);
    assert.match(view.contact.text, /Ingen kontaktadress är angiven ännu/);
    assert.equal(view.privacyUrl, undefined);
  });

  test('en felaktig kontaktadress eller integritetslänk stoppar starten med ett tydligt besked', () => {
    assert.throws(() => readConfig({ SERVICE_CONTACT_EMAIL: 'inte en adress' }), /SERVICE_CONTACT_EMAIL: must be an e-mail address/);
    assert.throws(() => readConfig({ SERVICE_PRIVACY_URL: 'javascript:alert(1)' }), /SERVICE_PRIVACY_URL: must be an http\(s\) address/);
    assert.throws(() => readConfig({ SERVICE_OWNER: '   ' }), /SERVICE_OWNER/);
  });
});

describe('tillgänglighetsredogörelsen', () => {
  test('namnger den som driver tjänsten och kontaktadressen, på båda språken', async () => {
    const sv = await app.inject('/tillganglighet');
    assert.match(textOf(sv.body), /Tjänsten drivs av Exempla kommun, skolförvaltningen\./);
    assert.match(sv.body, /href="mailto:sst-bidrag@exempla.se"/);
    assert.match(textOf(sv.body), /Digg/);
    const en = await app.inject('/tillganglighet?lang=en');
    assert.match(textOf(en.body), /The service is run by Exempla kommun, skolförvaltningen\./);
    assert.match(en.body, /href="mailto:sst-bidrag@exempla.se"/);
  });
});

describe('så går det till härnäst', () => {
  test('resultatsidan säger vad som händer härnäst för 2027: perioden är inte publicerad, preliminärt mitten av januari–mitten av februari, förra årets var 15 januari–16 februari', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    assert.equal((await client.submit(`${base}/bidragsar`, { grantYear: '2027' })).statusCode, 303);
    await addTeam(client, base, [school, social]);
    const result = await client.get(`${base}/resultat`);
    assert.equal(result.statusCode, 200);
    assert.match(result.body, /<details class="details next-steps">\s*<summary>Så går det till härnäst<\/summary>/);
    const text = textOf(result.body);
    assert.match(
      text,
      /Ansökningsperioden för bidragsår 2027 är inte känd ännu; Skolverket har inte publicerat den\. Preliminärt, utifrån tidigare år: 15 januari–15 februari 2027\. Förra årets period, för bidragsår 2026, var 15 januari–16 februari 2026\./,
    );
    assert.match(text, /Kommunen vars socialtjänst deltar i teamet, Stockholm \(0180\), rekvirerar motfinansieringen från Socialstyrelsen/);
    assert.match(text, /kommunen redovisar motfinansieringen till Socialstyrelsen/);
    assert.match(text, /ska anmälas utan dröjsmål till Skolverket och Socialstyrelsen/);
    assert.match(result.body, /<a class="url" href="https:\/\/www\.skolverket\.se\/[^"]+">https:\/\/www\.skolverket\.se\//);
    assert.match(result.body, /<a class="url" href="https:\/\/statsbidrag\.socialstyrelsen\.se\/[^"]+">/);

    // The kommun's money is never behind a sideways scroll: on a phone each row is a card naming its columns.
    assert.match(result.body, /<table class="table table--cards">\s*<caption id="municipalities-caption">/);
    assert.match(result.body, /<td class="numeric" data-label="Risk att betala tillbaka">/);

    const en = textOf((await client.get(`${base}/resultat?lang=en`)).body);
    assert.match(en, /What happens next/);
    assert.match(en, /Last year's period, for grant year 2026, was 15 January–16 February 2026\./);
  });
});
