import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { ruleCatalogue } from '../rules/catalogue.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

const get = (url: string) => app.inject({ method: 'GET', url });

test('startsidan är på svenska och säger vad verktyget gör och att inget lämnas in', async () => {
  const response = await get('/');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /text\/html/);
  assert.match(response.body, /<html lang="sv">/);
  assert.match(response.body, /förordningen \(2023:179\)/);
  assert.match(response.body, /lämnar inte in någon ansökan/);
  assert.match(response.body, /href="\/\?lang=en"[^>]*>In English/);
});

test('startsidan finns på engelska', async () => {
  const response = await get('/?lang=en');
  assert.match(response.body, /<html lang="en">/);
  assert.match(response.body, /does not submit any application/);
});

test('regelsidan visar varje regel med sin paragraf, på båda språken', async () => {
  for (const [url, lang] of [
    ['/regler', 'sv'],
    ['/regler?lang=en', 'en'],
  ] as const) {
    const body = (await get(url)).body;
    for (const rule of [...ruleCatalogue.findings, ...ruleCatalogue.calculations]) {
      assert.ok(body.includes(`id="rule-${rule.id}"`), `${rule.id} on ${url}`);
      assert.ok(body.includes(rule.title[lang].replaceAll("'", '&#39;')), `${rule.id} title on ${url}`);
    }
  }
});

test('regelsidan förklarar varje tolkning D1–D24 och länkar dit från reglerna som vilar på den', async () => {
  const body = (await get('/regler')).body;
  for (let n = 1; n <= 24; n++) assert.ok(body.includes(`<h3 id="d${n}">D${n}:`), `D${n}`);
  assert.match(body, /Vilar på tolkningarna: <a href="#d1">D1<\/a>/);
});

test('sidorna har en hopplänk, ett huvudinnehåll och ingen inline-stil eller inline-skript', async () => {
  for (const url of ['/', '/regler']) {
    const body = (await get(url)).body;
    assert.match(body, /<a class="skip-link" href="#innehall">/);
    assert.match(body, /<main id="innehall"/);
    assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)|style=|<style/);
  }
});

test('stilmallen serveras av appen själv', async () => {
  const response = await get('/assets/site.css');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /text\/css/);
});

test('en sida som inte finns ger en lugn felsida på svenska med 404', async () => {
  const response = await get('/finns-inte');
  assert.equal(response.statusCode, 404);
  assert.match(String(response.headers['content-type']), /text\/html/);
  assert.match(response.body, /<h1>Sidan finns inte<\/h1>/);
});

test('ett formulär utan CSRF-token avvisas med 403 och en felsida', async () => {
  const response = await app.inject({
    method: 'POST',
    url: '/finns-inte',
    payload: 'a=1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /Formuläret kunde inte skickas/);
  assert.doesNotMatch(response.body, /FST_|stack|Error:/);
});
