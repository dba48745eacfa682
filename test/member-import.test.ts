/**
 * Importing a staff list into a team (/ansokan/{id}/team/{t}/importera) and downloading it
 * (personal.csv): separators, BOM, decimal comma, Swedish and English headers, the mapping
 * step, bad rows, a large file, a file that is not CSV, and that nothing is saved before "confirm".
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';
import { team as answeredTeam } from './journey-answers.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

/** A draft with one empty team; returns the client and the team's path. */
async function teamDraft(): Promise<{ client: FormClient; teamPath: string }> {
  const client = new FormClient(app);
  await client.get('/');
  const started = await client.post('/ansokan', {});
  const base = String(started.headers.location).replace(/\/bidragsar$/, '');
  await client.get(`${base}/bidragsar`);
  await client.post(`${base}/bidragsar`, { grantYear: '2026' });
  await client.get(`${base}/huvudman`);
  await client.post(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' });
  await client.get(`${base}/team/ny`);
  const team = await client.post(`${base}/team/ny`, { ...answeredTeam, name: 'Team Norr' });
  assert.equal(team.statusCode, 303, team.body.slice(0, 500));
  return { client, teamPath: String(team.headers.location).replace(/\/personer$/, '') };
}

/** Uploads, checks the preview, confirms; returns the preview and the members page after. */
async function importList(input: { file?: Buffer | string; rows?: string }) {
  const { client, teamPath } = await teamDraft();
  await client.get(`${teamPath}/importera`);
  const preview = await client.upload(`${teamPath}/importera`, input);
  return { client, teamPath, preview };
}

/** Sends the preview's form, ticking every row it asks about unless `tick` is false, with the `answers` given (mode, includeRow). */
async function send(
  client: FormClient,
  teamPath: string,
  preview: LightMyRequestResponse,
  { tick = true, answers = {} as Record<string, string | string[]> } = {},
) {
  const payload = /name="payload" value="([^"]*)"/.exec(preview.body)?.[1];
  assert.ok(payload, 'the preview carries the rows');
  const decoded = payload
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  const confirmRow = tick ? [...preview.body.matchAll(/name="confirmRow" type="checkbox" value="(\d+)"/g)].map((m) => m[1]) : [];
  return client.post(`${teamPath}/importera/spara`, { payload: decoded, confirmRow, ...answers });
}

/** Confirms the preview (see `send`) and returns the members page after. */
async function confirm(client: FormClient, teamPath: string, preview: LightMyRequestResponse, options: Parameters<typeof send>[3] = {}) {
  const saved = await send(client, teamPath, preview, options);
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
  return client.get(String(saved.headers.location));
}

const swedish =
  'Roll;Sida;Anställning;Tjänstgöringsgrad;Start;Slut;Utbildning;Ursprung;Månadslön;Personalomkostnadspålägg\n' +
  'Skolkurator;skola;Anställning;0,5;2025-08-15;;Examen i psykosocialt arbete;Nytillsatt;42 000;31,42 %\n' +
  'Socialsekreterare;Socialtjänst;uppdrag;1;15/8 2025;30/6 2026;SOCIONOMEXAMEN;nytillsatt;40000,50;\n';

describe('läsa in en personallista', () => {
  test('semikolon, svenska rubriker, BOM och decimalkomma: förhandsvisning, sedan sparas raderna', async () => {
    const { client, teamPath, preview } = await importList({ file: `\uFEFF${swedish}` });
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 1000));
    assert.match(preview.body, /2 rader kan läggas till\. 0 rader har problem/);
    // Nothing saved yet.
    const before = await client.get(`${teamPath}/personer`);
    assert.match(before.body, /Teamet har inga personer ännu/);
    const members = await confirm(client, teamPath, preview);
    assert.match(members.body, /2 personer lades till från listan\./);
    assert.match(members.body, /Skolkurator \(p1\)/);
    assert.match(members.body, /Socialsekreterare \(p2\)/);
    assert.match(members.body, /0,50 tjänstgöringsgrad/);
  });

  test('komma, engelska rubriker och engelska värden', async () => {
    const csv =
      'role,side,engagement,fte,start,end,education,origin,monthlySalary,employerCostRate\n' +
      'Counsellor,school,employment,0.75,2025-08-15,,psychosocial_degree,new,42000,0.3142\n' +
      'Social worker,social_services,assignment,1,2025-08-15,,Social work degree,Newly engaged,40000,\n';
    const { preview } = await importList({ file: csv });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /2 rader kan läggas till/);
  });

  test('tabbavgränsade rader inklistrade från ett kalkylblad', async () => {
    const rows = swedish.replace(/;/g, '\t');
    const { client, teamPath, preview } = await importList({ rows });
    assert.match(preview.body, /2 rader kan läggas till/);
    const members = await confirm(client, teamPath, preview);
    assert.match(members.body, /Skolkurator \(p1\)/);
  });

  test('extra kolumner ignoreras; saknade kolumner för anställning, ursprung och pålägg gissas inte utan efterfrågas', async () => {
    const csv = 'Namn;Sida;Tjänstgöringsgrad;Start;Utbildning;Månadslön;Anteckning\nA;skola;1;2025-08-15;Kurser i psykosocialt arbete;40000;x\n';
    const { preview } = await importList({ file: csv });
    assert.match(preview.body, /0 rader kan läggas till\. 1 rad har problem/);
    assert.match(preview.body, /Anställning: Saknas i listan\. Välj anställning eller uppdrag\./);
    assert.match(preview.body, /Ursprung: Saknas i listan\. Välj om personen är nytillsatt/);
    assert.doesNotMatch(preview.body, /Nytillsatt/);
    const stated =
      'Namn;Sida;Tjänstgöringsgrad;Start;Utbildning;Månadslön;Anställning;Ursprung\nA;skola;1;2025-08-15;Kurser i psykosocialt arbete;40000;Anställning;Omfördelad\n';
    const withoutRate = await importList({ file: stated });
    assert.match(withoutRate.preview.body, /Personalomkostnadspålägg: Saknas i listan\. Skriv personalomkostnadspålägget för anställningen/);
    const unknown = await importList({ file: stated.replace('Ursprung\n', 'Ursprung;PO\n').replace('Omfördelad\n', 'Omfördelad;vet inte\n') });
    assert.match(unknown.preview.body, /1 rad kan läggas till\. 0 rader har problem/);
  });

  test('en kolumn som inte känns igen: välj den, sedan förhandsvisning', async () => {
    const csv =
      'Roll;Sida;Omf.;Start;Utbildning;Månadslön;Anställning;Ursprung;PO\nKurator;skola;0,5;2025-08-15;Examen i psykosocialt arbete;42000;Anställning;Nytillsatt;31,42\n';
    const { client, teamPath, preview } = await importList({ file: csv });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Välj vilka kolumner som är vilka/);
    assert.match(preview.body, /<select class="select" id="map_fte"/);
    assert.match(preview.body, /for="map_end">Slut \(valfritt\)<\/label>/);
    assert.doesNotMatch(preview.body, /Tjänstgöringsgrad \(valfritt\)/);
    // Engagement and origin are not optional: a file without them is asked for them, without "(valfritt)".
    const without = await client.upload(`${teamPath}/importera`, {
      file: csv.replace(';Anställning;Ursprung;', ';;;').replace(';Anställning;Nytillsatt;', ';;;'),
    });
    assert.match(without.body, /for="map_engagement">Anställning<\/label>/);
    assert.match(without.body, /for="map_origin">Ursprung<\/label>/);
    const source = /name="source" value="([^"]*)"/.exec(preview.body)![1];
    const stillMissing = await client.post(`${teamPath}/importera`, { source, map_fte: '' });
    assert.equal(stillMissing.statusCode, 422);
    assert.match(stillMissing.body, /<a href="#map_fte">/);
    const mapped = await client.post(`${teamPath}/importera`, { source, map_fte: '2' });
    assert.equal(mapped.statusCode, 200);
    assert.match(mapped.body, /1 rad kan läggas till/);
  });

  test('felaktiga datum och värden visas per rad; bekräftelsen lägger bara till de giltiga', async () => {
    const csv = `${swedish}Kurator 3;skola;Anställning;0,5;2025-02-30;;Examen i psykosocialt arbete;Nytillsatt;42000;\nKurator 4;skola;Anställning;1,5;2025-08-15;2025-01-01;Socionomexamen;Nytillsatt;42000;\n`;
    const { client, teamPath, preview } = await importList({ file: csv });
    assert.match(preview.body, /2 rader kan läggas till\. 2 rader har problem/);
    assert.match(preview.body, /Skriv första dagen som 2025-08-15/);
    assert.match(preview.body, /Menar du 1,5 % eller 1,5 heltider\?/);
    assert.match(preview.body, /För skolpersonal: välj examen/);
    const members = await confirm(client, teamPath, preview);
    assert.match(members.body, /2 personer lades till från listan\. 2 rader hoppades över\./);
  });

  test('2 000 rader läses in och förhandsvisas snabbt; bara 50 ryms i teamet', async () => {
    const row = 'Skolkurator;skola;Anställning;0,5;2025-08-15;;Examen i psykosocialt arbete;Nytillsatt;42 000;31,42 %\n';
    const csv = `${swedish.split('\n')[0]}\n${row.repeat(2000)}`;
    const { client, teamPath } = await teamDraft();
    await client.get(`${teamPath}/importera`);
    const started = performance.now();
    const preview = await client.upload(`${teamPath}/importera`, { file: csv });
    const ms = performance.now() - started;
    console.log(`# 2 000 rader: förhandsvisning på ${ms.toFixed(0)} ms`);
    assert.equal(preview.statusCode, 200);
    assert.ok(ms < 5000, `took ${ms} ms`);
    assert.match(preview.body, /2000 rader kan läggas till/);
    assert.match(preview.body, /högst 50 personer\. Det finns plats för 50 till, så 1950 giltiga rader kan inte läggas till/);
    const members = await confirm(client, teamPath, preview);
    assert.match(members.body, /50 personer lades till från listan\. 1950 rader hoppades över\./);
  });

  test('en fil som inte är CSV (en PNG) ger ett tydligt fel och sparar inget', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const { client, teamPath, preview } = await importList({ file: png });
    assert.equal(preview.statusCode, 422);
    assert.match(preview.body, /Filen är inte en CSV-fil/);
    assert.doesNotMatch(preview.body, /name="payload"/);
    assert.match((await client.get(`${teamPath}/personer`)).body, /Teamet har inga personer ännu/);
  });

  test('tomt formulär och en lista utan rader ger 422', async () => {
    const { client, teamPath } = await teamDraft();
    await client.get(`${teamPath}/importera`);
    assert.equal((await client.upload(`${teamPath}/importera`, {})).statusCode, 422);
    const empty = await client.upload(`${teamPath}/importera`, { rows: 'Roll\tSida\n' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Listan har inga personer/);
  });

  test('utan CSRF-token avvisas uppladdning och bekräftelse med 403', async () => {
    const { client, teamPath } = await teamDraft();
    await client.get(`${teamPath}/importera`);
    assert.equal((await client.upload(`${teamPath}/importera`, { file: swedish, csrf: null })).statusCode, 403);
    assert.equal((await client.post(`${teamPath}/importera/spara`, { payload: '{"total":0,"rows":[]}' }, { csrf: null })).statusCode, 403);
  });

  test('en manipulerad förhandsvisning prövas igen och ger aldrig 5xx', async () => {
    const { client, teamPath } = await teamDraft();
    await client.get(`${teamPath}/importera`);
    const bad = await client.post(`${teamPath}/importera/spara`, { payload: 'inte json' });
    assert.equal(bad.statusCode, 422);
    await client.get(`${teamPath}/importera`);
    const invalid = await client.post(`${teamPath}/importera/spara`, { payload: JSON.stringify({ total: 1, rows: [{ side: 'skola', fte: '7' }] }) });
    assert.equal(invalid.statusCode, 303);
    assert.match((await client.get(String(invalid.headers.location))).body, /0 personer lades till från listan\. 1 rad hoppades över\./);
  });
});

describe('läsa in en lista igen', () => {
  test('samma lista igen: raderna flaggas, inget är förvalt och inget läggs till utan användarens val', async () => {
    const { client, teamPath, preview } = await importList({ file: swedish });
    await confirm(client, teamPath, preview);
    await client.get(`${teamPath}/importera`);
    const again = await client.upload(`${teamPath}/importera`, { file: swedish });
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /Teamet har redan 2 personer\. Ska listan läggas till eller ersätta dem\?/);
    assert.match(again.body, /2 rader liknar personer som redan finns i teamet/);
    assert.equal([...again.body.matchAll(/Finns redan/g)].length, 2);
    assert.match(again.body, /Lägg till rad 2 ändå\. Liknar Skolkurator, 0,50, 2025-08-15\./);
    assert.match(again.body, /Skolpersonalen \(1 person\) och Personalen från socialtjänsten \(1 person\) tas bort/);
    assert.doesNotMatch(again.body, /name="mode"[^>]*checked/);
    // Sent without a choice: asked again, nothing saved.
    const unanswered = await send(client, teamPath, again);
    assert.equal(unanswered.statusCode, 422);
    assert.match(unanswered.body, /<a href="#mode">Välj om listan ska läggas till eller ersätta/);
    assert.match(unanswered.body, /name="payload"/);
    // "Add" without ticking: the repeated rows are skipped.
    const added = await confirm(client, teamPath, again, { answers: { mode: 'add' } });
    assert.match(added.body, /0 personer lades till från listan\. 2 rader hoppades över\./);
    assert.doesNotMatch(added.body, /\(p3\)/);
    // "Add" with one row ticked: that one is added.
    const ticked = await confirm(client, teamPath, again, { answers: { mode: 'add', includeRow: '0' } });
    assert.match(ticked.body, /1 person lades till från listan\. 1 rad hoppades över\./);
    assert.match(ticked.body, /Skolkurator \(p3\)/);
    const history = await client.get(teamPath.replace(/\/team\/.*$/, '/historik'));
    assert.match(history.body, /importerade 1 person till Team Norr \(lade till, 1 person som redan fanns hoppades över\)/);
  });

  test('ersätt: personerna på listans sidor tas bort och listan läggs till; historiken säger det', async () => {
    const { client, teamPath, preview } = await importList({ file: swedish });
    await confirm(client, teamPath, preview);
    await client.get(`${teamPath}/importera`);
    const schoolOnly = swedish.split('\n').slice(0, 2).join('\n').replace('0,5;', '0,75;');
    const again = await client.upload(`${teamPath}/importera`, { file: schoolOnly });
    assert.doesNotMatch(again.body, /Finns redan/);
    assert.match(
      again.body,
      /Skolpersonalen \(1 person\) tas bort och raderna i listan läggs till i stället\. Personalen från socialtjänsten \(1 person\) behålls\./,
    );
    const replaced = await confirm(client, teamPath, again, { answers: { mode: 'replace' } });
    assert.match(replaced.body, /1 person som fanns togs bort\. 1 person lades till från listan\./);
    assert.doesNotMatch(replaced.body, /\(p1\)/);
    assert.match(replaced.body, /Socialsekreterare \(p2\)/);
    assert.match(replaced.body, /Skolkurator \(p3\)/);
    assert.match(replaced.body, /0,75 tjänstgöringsgrad/);
    const history = await client.get(teamPath.replace(/\/team\/.*$/, '/historik'));
    assert.match(history.body, /importerade 1 person till Team Norr \(ersatte 1 person som fanns\)/);
  });

  test('en fil från Excel i Windows-1252 läses med å, ä och ö och en notering', async () => {
    const file = await readFile(new URL('./fixtures/personal-windows-1252.csv', import.meta.url));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(file), 'the fixture is not UTF-8');
    const { client, teamPath, preview } = await importList({ file });
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 500));
    assert.match(preview.body, /Filen var sparad som Windows-1252/);
    assert.match(preview.body, /2 rader kan läggas till\. 0 rader har problem/);
    assert.match(preview.body, /Skolkurator Åsa Öberg/);
    const members = await confirm(client, teamPath, preview);
    assert.match(members.body, /Skolkurator Åsa Öberg \(p1\)/);
    assert.match(members.body, /Socialsekreterare Jörgen Ängström \(p2\)/);
  });
});

describe('ladda ner personallistan', () => {
  test('personal.csv: semikolon, svenska rubriker, BOM, decimalkomma; går att läsa in igen', async () => {
    const { client, teamPath, preview } = await importList({ file: swedish });
    await confirm(client, teamPath, preview);
    const csv = await client.get(`${teamPath}/personal.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.ok(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'starts with a BOM');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(
      lines[0],
      'Roll;Sida;Anställning;Tjänstgöringsgrad;Start;Slut;Utbildning;Om utbildningen;Ursprung;Månadslön;Personalomkostnadspålägg;Annan finansiering',
    );
    assert.equal(lines[1], 'Skolkurator;skola;Anställning;0,50;2025-08-15;;Examen i psykosocialt arbete;;Nytillsatt;42000;31,42 %;');
    assert.match(lines[2], /;40000,5;/);
    // Round trip: the downloaded list reads back without problems.
    const again = await importList({ file: csv.rawPayload });
    assert.match(again.preview.body, /2 rader kan läggas till\. 0 rader har problem/);
  });

  test('medlemssidan länkar till import och nedladdning', async () => {
    const { client, teamPath } = await teamDraft();
    const page = await client.get(`${teamPath}/personer`);
    assert.match(page.body, /Importera en personallista/);
  });
});
