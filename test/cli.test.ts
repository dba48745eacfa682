import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli.ts';
import { parseApplication } from '../forms/application.ts';
import { readAttachments } from '../src/pdf/summary.ts';
import { settlementSchema } from '../src/api/assessment-schema.ts';
import { buildApplication } from './application-builder.ts';

const TODAY = '2026-03-01';

/** Runs the command in-process with `stdin` as standard input. */
async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdin: Readable.from([stdin]),
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    today: () => TODAY,
  });
  return { code, stdout, stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sst-bidrag-cli-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function fixture(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The API's error body for an invalid application. */
function apiError(input: unknown, lang: 'sv' | 'en') {
  const parsed = parseApplication(input, lang);
  assert.ok(!parsed.ok);
  return parsed.body;
}

const jsonLines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));

const valid = buildApplication();
const invalid = buildApplication({ organiser: { name: '' }, teams: [{ members: [{ side: 'school', fte: '2' }] }] });

test('check av en giltig fil skriver bedömningen som JSON, bedömd i dag', async () => {
  const { code, stdout, stderr } = await run(['check', fixture('valid.json', JSON.stringify(valid))]);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.ok(stdout.startsWith('{\n  "status": '), 'pretty-printed with two spaces');
  const assessment = JSON.parse(stdout);
  assert.equal(typeof assessment.status, 'string');
  assert.equal(assessment.assessedOn, TODAY);
  assert.deepEqual(assessment.amounts.byTeamStatus.eligible, {
    skolverketGrant: assessment.amounts.skolverketGrant,
    matched: assessment.amounts.skolverketGrant,
    matchedUsable: assessment.amounts.skolverketGrant,
    repaymentRisk: '0',
  });
});

test('check --pdf skriver också sammanställningen som PDF med ansökan och bedömningen bifogade', async () => {
  const out = fixture('sammanstallning.pdf', '');
  const { code, stdout } = await run(['check', fixture('valid.json', JSON.stringify(valid)), '--pdf', out, '--as-of', '2026-02-01']);
  assert.equal(code, 0);
  const bytes = fs.readFileSync(out);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const attached = await readAttachments(bytes);
  assert.ok(attached.ok);
  assert.deepEqual(attached.assessment, JSON.parse(stdout));
});

test('check - läser ansökan från standard in', async () => {
  const { code, stdout } = await run(['check', '-', '--as-of', '2026-02-01'], JSON.stringify(valid));
  assert.equal(code, 0);
  assert.equal(JSON.parse(stdout).assessedOn, '2026-02-01');
});

test('en ogiltig ansökan ger API:ets 400-svar med sökvägar på stderr och slutkod 2', async () => {
  const { code, stdout, stderr } = await run(['check', fixture('invalid.json', JSON.stringify(invalid))]);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  const body = JSON.parse(stderr);
  assert.equal(body.error, 'invalid_application');
  assert.deepEqual(
    body.issues.map((issue: { path: string }) => issue.path),
    ['organiser.name', 'teams.0.members.0.fte'],
  );
  assert.deepEqual(body, apiError(invalid, 'sv'));
});

test('bidragsår 2031 ger 422-svaret no_rule_set', async () => {
  const { code, stderr } = await run(['check', '-'], JSON.stringify(buildApplication({ grantYear: 2031 })));
  assert.equal(code, 2);
  const body = JSON.parse(stderr);
  assert.equal(body.error, 'no_rule_set');
  assert.equal(body.grantYear, 2031);
});

test('en fil som inte är JSON, eller som inte finns, ger unreadable_input och slutkod 2', async () => {
  const notJson = await run(['check', fixture('broken.json', '{"grantYear": 2026,')]);
  assert.equal(notJson.code, 2);
  assert.deepEqual(JSON.parse(notJson.stderr), {
    error: 'unreadable_input',
    message: `Innehållet i ${path.join(dir, 'broken.json')} är inte giltig JSON.`,
  });

  const missing = await run(['check', path.join(dir, 'missing.json')]);
  assert.equal(missing.code, 2);
  assert.equal(JSON.parse(missing.stderr).error, 'unreadable_input');
});

test('--lang en ger meddelanden och bedömning på engelska', async () => {
  const invalidEn = await run(['check', '-', '--lang', 'en'], JSON.stringify(invalid));
  assert.deepEqual(JSON.parse(invalidEn.stderr), apiError(invalid, 'en'));
  assert.notDeepEqual(apiError(invalid, 'en'), apiError(invalid, 'sv'));

  const notJson = await run(['check', '-', '--lang=en'], 'not json');
  assert.equal(JSON.parse(notJson.stderr).message, 'The content of standard input is not valid JSON.');

  const assessed = await run(['check', '-', '--lang', 'en'], JSON.stringify(valid));
  assert.equal(JSON.parse(assessed.stdout).lang, 'en');
});

test('batch av en JSON-lista med en giltig och en ogiltig ansökan ger två rader och slutkod 2', async () => {
  const { code, stdout } = await run(['batch', fixture('batch.json', JSON.stringify([valid, invalid]))]);
  assert.equal(code, 2);
  const [first, second] = jsonLines(stdout);
  assert.equal(jsonLines(stdout).length, 2);
  assert.equal(first.application, 0);
  assert.equal(typeof first.assessment.status, 'string');
  assert.equal(second.application, 1);
  assert.equal(second.error.error, 'invalid_application');
});

// Two applications as CSV, one row per member: A as buildApplication's default, B with two
// teams whose rows are interleaved. Team-level cells are given on each team's first row only.
const organiser = { grantYear: '2026', organiserName: 'Exempla kommun', orgNumber: '212000-0142', organiserType: 'municipal' };
const school = {
  side: 'school',
  role: 'Skolkurator',
  engagement: 'employment',
  fte: '1.00',
  start: '2025-08-01',
  education: 'psychosocial_degree',
  origin: 'new',
  monthlySalary: '40000',
};
const social = { ...school, side: 'social_services', role: 'Skolsocionom', education: 'socionomexamen' };
const rows: Array<Record<string, string>> = [
  { application: 'A', ...organiser, team: 'Team 1', schoolForms: 'grundskola', municipalityCode: '0180', memberId: 'm1', ...school },
  { application: 'A', team: 'Team 1', memberId: 'm2', ...social },
  {
    application: 'B',
    ...organiser,
    team: 'Norr',
    schoolForms: 'grundskola|gymnasieskola',
    municipalityCode: '1480',
    periodFrom: '2026-01-01',
    periodTo: '2026-06-30',
    contractEducation: 'nej',
    memberId: 'n1',
    ...school,
  },
  { application: 'B', team: 'Söder', schoolForms: 'grundskola', municipalityCode: '1280', teamStatus: 'existing', memberId: 's1', ...school, fte: '0.50' },
  { application: 'B', team: 'Norr', memberId: 'n2', ...social, end: '2026-12-31' },
  { application: 'B', team: 'Söder', memberId: 's2', ...social },
];

/** The same two applications in the API's JSON. */
const applicationB = buildApplication({
  teams: [
    {
      name: 'Norr',
      schoolForms: ['grundskola', 'gymnasieskola'],
      municipalityCode: '1480',
      period: { from: '2026-01-01', to: '2026-06-30' },
      contractEducation: false,
      members: [
        { id: 'n1', side: 'school' },
        { id: 'n2', side: 'social_services', end: '2026-12-31' },
      ],
    },
    {
      name: 'Söder',
      municipalityCode: '1280',
      status: 'existing',
      members: [
        { id: 's1', side: 'school', fte: '0.50' },
        { id: 's2', side: 'social_services' },
      ],
    },
  ],
});

const columns = [
  'application',
  'grantYear',
  'organiserName',
  'orgNumber',
  'organiserType',
  'team',
  'schoolForms',
  'municipalityCode',
  'periodFrom',
  'periodTo',
  'teamStatus',
  'previouslyGrantedFte',
  'contractEducation',
  'memberId',
  'side',
  'role',
  'engagement',
  'fte',
  'start',
  'end',
  'education',
  'educationNote',
  'origin',
  'monthlySalary',
  'employerCostRate',
  'otherFundingShare',
];

function csv(data: Array<Record<string, string>>, delimiter: string, lineEnd = '\n'): string {
  return [columns, ...data.map((row) => columns.map((column) => row[column] ?? ''))].map((cells) => cells.join(delimiter)).join(lineEnd) + lineEnd;
}

test('batch av en kommaseparerad CSV ger en rad per ansökan, bedömd som samma ansökan i JSON', async () => {
  const { code, stdout, stderr } = await run(['batch', fixture('comma.csv', csv(rows, ','))]);
  assert.equal(stderr, '');
  assert.equal(code, 0);
  const lines = jsonLines(stdout);
  assert.deepEqual(
    lines.map((line) => line.application),
    ['A', 'B'],
  );
  assert.deepEqual(
    lines[1].assessment.teams.map((team: { name: string }) => team.name),
    ['Norr', 'Söder'],
  );

  const fromJson = jsonLines((await run(['batch', fixture('same.json', JSON.stringify([valid, applicationB]))])).stdout);
  assert.deepEqual(
    lines.map((line) => line.assessment),
    fromJson.map((line) => line.assessment),
  );
});

test('samma CSV semikolonseparerad med BOM och CRLF ger samma utdata', async () => {
  const comma = await run(['batch', fixture('comma.csv', csv(rows, ','))]);
  const semicolon = await run(['batch', fixture('semicolon.csv', `\uFEFF${csv(rows, ';', '\r\n')}`)]);
  assert.equal(semicolon.code, 0);
  assert.equal(semicolon.stdout, comma.stdout);
});

test('en CSV-rad med felaktig fte ger den ansökans fel med sökvägen till medlemmen', async () => {
  const badRows = rows.map((row) => (row.memberId === 'n2' ? { ...row, fte: '1,5' } : row));
  const { code, stdout } = await run(['batch', fixture('bad-fte.csv', csv(badRows, ';'))]);
  assert.equal(code, 2);
  const [a, b] = jsonLines(stdout);
  assert.ok(a.assessment);
  assert.equal(b.application, 'B');
  assert.deepEqual(
    b.error.issues.map((issue: { path: string }) => issue.path),
    ['teams.0.members.1.fte'],
  );
});

test('en CSV utan kolumnen application ger ett fel och slutkod 2', async () => {
  const { code, stdout, stderr } = await run(['batch', fixture('no-key.csv', 'team,memberId\nNorr,n1\n')]);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(JSON.parse(stderr).error, 'unreadable_input');
});

test('okänt kommando eller alternativ ger användningstexten och slutkod 64', async () => {
  for (const argv of [
    ['validate', 'x.json'],
    ['check', 'x.json', '--output', 'out.pdf'],
    ['batch', 'x.csv', '--pdf', 'out.pdf'],
    ['batch', 'x.txt'],
    ['settle', 'x.json', '--pdf', 'out.pdf'],
    ['check', 'x.json', '--json'],
    [],
  ]) {
    const { code, stdout, stderr } = await run(argv);
    assert.equal(code, 64, argv.join(' '));
    assert.equal(stdout, '');
    assert.match(stderr, /^sst-bidrag: .+\n\nAnvändning:/);
  }
});

test('--help skriver användningen, svenska först och engelska sedan', async () => {
  const { code, stdout } = await run(['--help']);
  assert.equal(code, 0);
  assert.ok(stdout.startsWith('Användning:'));
  assert.ok(stdout.indexOf('Usage:') > 0);
});

test('programmet sst-bidrag (det byggda, som npm installerar) läser en ansökan från standard in', () => {
  const { bin: bins } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };
  const bin = fileURLToPath(new URL(`../${bins['sst-bidrag']}`, import.meta.url));
  assert.ok(fs.existsSync(bin), `${bin} is missing: npm test builds it (npm run build)`);
  const result = spawnSync(process.execPath, [bin, 'check', '-', '--as-of', '2026-02-01'], { input: JSON.stringify(valid), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).assessedOn, '2026-02-01');
});

// ---------------------------------------------------------------------------------------------
// settle: the report after the year, with the shared example (test/fixtures/settlement-example.json).

const settlementExample = fileURLToPath(new URL('./fixtures/settlement-example.json', import.meta.url));

test('settle skriver redovisningen som text: per team, totalt, per kommun och förändringarna', async () => {
  const { code, stdout, stderr } = await run(['settle', settlementExample]);
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  const lines = stdout.split('\n');
  assert.equal(lines[0], 'Redovisning av bidragsår 2026');
  assert.match(stdout, /uppskattning/);
  const nbsp = (text: string) => text.replaceAll(' ', '\u00a0');
  for (const line of [
    '  Villkoren under året: inte uppfyllda',
    `    Under kravet: skolpersonal 2026-07-01–2026-08-14, lägst 0,00 (krav 1,00)`,
    `  Beslutat av Skolverket: ${nbsp('300 000 kr')}`,
    `  Outnyttjat, betalas tillbaka till Skolverket: ${nbsp('31 265 kr')}`,
    `  Stockholm (0180): mottaget från Socialstyrelsen ${nbsp('300 000 kr')}, får användas ${nbsp('299 638 kr')}, betalas tillbaka till Socialstyrelsen ${nbsp('362 kr')}`,
    `  Nacka (0182): mottaget från Socialstyrelsen ${nbsp('175 000 kr')}, får användas ${nbsp('145 876 kr')}, betalas tillbaka till Socialstyrelsen ${nbsp('29 124 kr')}`,
  ]) {
    assert.ok(lines.includes(line), `${line}\n${stdout}`);
  }
  const changes = lines.slice(lines.indexOf('Förändringar att anmäla utan dröjsmål') + 1).filter(Boolean);
  assert.deepEqual(
    changes.map((line) => line.split(':')[0]),
    ['  2026-01-01 lägre tjänstgöringsgrad', '  2026-06-15 slutade tidigare', '  2026-08-15 tillkom'],
  );
});

test('settle --json skriver samma JSON som API:et, och --lang en på engelska', async () => {
  const { code, stdout } = await run(['settle', settlementExample, '--json', '--lang', 'en', '--as-of', '2027-01-20']);
  assert.equal(code, 0);
  const settlement = settlementSchema.parse(JSON.parse(stdout));
  assert.equal(settlement.lang, 'en');
  assert.equal(settlement.assessment.assessedOn, '2027-01-20');
  assert.deepEqual(settlement.totals, { decided: '475000', justified: '483702', used: '443735', unused: '31265' });
  const text = await run(['settle', settlementExample, '--lang', 'en']);
  assert.ok(text.stdout.startsWith('Report on grant year 2026\n'));
  assert.match(text.stdout, /Unused, repaid to Skolverket: SEK\u00a031,265/);
});

test('settle med fel antal beslut eller bidragsår 2023 ger API:ets fel på stderr och slutkod 2', async () => {
  const example = JSON.parse(fs.readFileSync(settlementExample, 'utf8'));
  example.decision.teams.pop();
  const wrong = await run(['settle', fixture('wrong-decision.json', JSON.stringify(example))]);
  assert.equal(wrong.code, 2);
  assert.equal(wrong.stdout, '');
  assert.deepEqual(
    JSON.parse(wrong.stderr).issues.map((i: { path: string }) => i.path),
    ['decision.teams'],
  );
  const old = await run(
    ['settle', '-'],
    JSON.stringify({ application: buildApplication({ grantYear: 2023 }), decision: { teams: [{ skolverketGrant: '1' }] } }),
  );
  assert.equal(old.code, 2);
  assert.equal(JSON.parse(old.stderr).error, 'no_settlement_rules');
});
