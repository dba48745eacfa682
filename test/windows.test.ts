/**
 * The agencies' windows as data (src/windows.ts): each known window with its source and the day
 * it was checked, an estimated one marked "preliminärt", a year without one says nothing; the
 * next-steps block carries them for the result page and the PDF.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextSteps } from '../src/next-steps.ts';
import { windowOf, windowsOf } from '../src/windows.ts';

test('2024 och 2026 har kända rekvisitionsperioder; 2026 också ansökan och redovisning, med källa och kontrolldatum', () => {
  assert.deepEqual(
    { ...windowOf(2024, 'requisition'), source: undefined },
    { from: '2024-04-22', to: '2024-05-22', preliminary: false, checked: '2026-12-02', source: undefined },
  );
  const dates = windowsOf(2026, 'sv');
  assert.deepEqual(
    dates.map((d) => d.kind),
    ['application', 'requisition', 'reporting'],
  );
  assert.equal(dates[1].name, 'Kommunens rekvisition hos Socialstyrelsen för bidragsår 2026');
  assert.match(dates[1].text, /^15 april–1 juni 2026\. Socialstyrelsen: .*, kontrollerat 2026-12-02\.$/);
  assert.match(dates[2].text, /^15 januari–15 februari 2027\. Skolverket: .*, kontrollerat \d{4}-\d{2}-\d{2}\.$/);
  assert.ok(dates.every((d) => d.url.startsWith('https://')));
  assert.match(windowsOf(2026, 'en')[1].text, /^15 April–1 June 2026\. .*, checked 2026-12-02\.$/);
});

test('ett uppskattat fönster sägs vara preliminärt; ett år utan fönster har inga datum', () => {
  const application = windowOf(2027, 'application');
  assert.equal(application?.preliminary, true);
  assert.match(windowsOf(2027, 'sv')[0].text, /^15 januari–15 februari 2027 \(preliminärt\)\./);
  assert.equal(windowOf(2026, 'application')?.preliminary, false);
  assert.doesNotMatch(windowsOf(2026, 'sv')[0].text, /preliminärt/);
  assert.deepEqual(windowsOf(2025, 'sv'), []);
});

test('nästa steg bär årets datum för resultatsidan och PDF:en', () => {
  const next = nextSteps({ grantYear: 2026, teams: [] }, true, 'sv');
  assert.equal(next.datesHeading, 'Datum för året');
  assert.deepEqual(next.dates, windowsOf(2026, 'sv'));
  assert.deepEqual(nextSteps({ grantYear: 2025, teams: [] }, true, 'sv').dates, []);
});
