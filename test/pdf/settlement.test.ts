/**
 * The redovisning summary PDF, read back as a person's PDF reader would (pdfjs-dist): every
 * figure of the settlement is there, labelled an estimate, with the periods below a minimum,
 * the changes to report with their dates and agencies, the year's windows, the evidence to keep
 * ready and signature lines; the settlement's input is embedded and reads back equal; the same
 * input gives the same bytes.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parseSettlement, withDecisionDates, type SettlementPdfInput } from '../../forms/settlement.ts';
import { settle } from '../../rules/settlement.ts';
import type { Settlement } from '../../rules/types.ts';
import { readAttachments } from '../../src/pdf/attachments.ts';
import { kr } from '../../src/pdf/format.ts';
import { renderSettlementPdf } from '../../src/pdf/settlement-pdf.ts';
import { readFileSync } from 'node:fs';
import { settlementRequest } from '../fixtures/settlements.ts';
import { pageTexts } from './pdf-text.ts';

const AS_OF = '2027-01-20';
const normalise = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

async function render(raw: unknown) {
  const parsed = parseSettlement(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.body));
  const input = withDecisionDates(parsed.input, raw);
  const settlement = settle(parsed.input, { asOf: AS_OF });
  const { bytes } = await renderSettlementPdf(input, settlement, AS_OF);
  const pages = await pageTexts(bytes);
  return { input, settlement, bytes, pages, text: normalise(pages.join(' ')) };
}

/** The example every output is checked against: the API, the command line, the pages and this PDF. */
const sharedExample: unknown = JSON.parse(readFileSync(new URL('../fixtures/settlement-example.json', import.meta.url), 'utf8'));

/** Every team's, kommun's and total figure, as the PDF prints it. */
function everyFigure(text: string, settlement: Settlement) {
  const says = (expected: string) => assert.ok(text.includes(normalise(expected)), `the PDF says ${JSON.stringify(expected)}`);
  settlement.teams.forEach((team, i) => {
    says(`Team ${i + 1}: ${team.name}`);
    says(`Beviljat av Skolverket ${kr(team.decided)}`);
    says(`Motiverat av kostnaderna ${kr(team.justified)} (uppskattning)`);
    says(`Använt ${kr(team.used)} (uppskattning)`);
    says(`Inte använt, betalas tillbaka ${kr(team.unused)} (uppskattning)`);
    says(`använt + inte använt = beviljat: ${kr(team.used)} + ${kr(team.unused)} = ${kr(team.decided)}`);
    says(`Mottaget från Socialstyrelsen ${kr(team.matched.received)}`);
    says(`Får användas ${kr(team.matched.usable)} (uppskattning)`);
    says(`Att betala tillbaka till Socialstyrelsen ${kr(team.matched.repay)} (uppskattning)`);
  });
  const { totals } = settlement;
  says(`Summa ${kr(totals.decided)} ${kr(totals.justified)} ${kr(totals.used)} ${kr(totals.unused)}`);
  says(`teamens beviljade bidrag och summan: ${settlement.teams.map((t) => kr(t.decided)).join(' + ')} = ${kr(totals.decided)}`);
  for (const m of settlement.municipalities) says(`${kr(m.usable)} + ${kr(m.repay)} = ${kr(m.received)}`);
}

describe('the redovisning summary PDF', () => {
  let rendered: { input: SettlementPdfInput; settlement: Settlement; bytes: Uint8Array; pages: string[]; text: string };
  const says = (expected: string) => assert.ok(rendered.text.includes(normalise(expected)), `the PDF says ${JSON.stringify(expected)}`);
  before(async () => {
    rendered = await render(settlementRequest);
  });

  test('gives every figure of every team, each kommun and the totals, with their reconciliations', () => {
    const { settlement } = rendered;
    assert.equal(settlement.teams[0].conditions, 'not_met', 'the fixture has a team that broke the conditions');
    everyFigure(rendered.text, settlement);
    says('Stockholm (0180)');
    says('Malmö (1280)');
  });

  test('gives every figure of the shared example the API, the command line and the pages are checked against', async () => {
    const example = await render(sharedExample);
    everyFigure(example.text, example.settlement);
  });

  test('says the whole decided grant is at risk where the conditions were not followed, with each period below a minimum', () => {
    says('Inte uppfyllda: bemanningen var under kraven en period');
    says('kräva tillbaka upp till hela det beviljade bidraget, 300 000 kr (16 §)');
    says('Personal från socialtjänsten 2026-06-15 2026-08-14 0,00 1,00');
    says('Teamet totalt 2026-06-15 2026-08-14 1,00 2,00');
    says('Uppfyllda: teamet var bemannat enligt kraven hela perioden');
  });

  test('gives the decision dates, the changes to report with their dates and agencies, and the windows', () => {
    says('Skolverkets beslut 2026-04-15');
    says('Skolverkets beslut Datum inte angivet');
    says('Förändringar att anmäla');
    says('Skolsocionom (n2) Slutade tidigare 2026-06-15 Skolverket och Socialstyrelsen (kommunen)');
    says('Skolsocionom (n3) Tillkom 2026-08-15');
    says('Kommunens rekvisition hos Socialstyrelsen för bidragsår 2026: 15 april–1 juni 2026.');
    says('Redovisning till Skolverket för bidragsår 2026: 15 januari–15 februari 2027.');
    says('kontrollerat 2026-12-02');
  });

  test('lists the evidence to keep ready, recommends a cost centre, and has signature lines; every page a footer', () => {
    for (const item of ['Utdrag ur huvudboken', 'Fakturor', 'Lönespecifikationer', 'Anställningsavtal och uppdragsavtal']) says(item);
    says('Ett eget kostnadsställe');
    says('Underskrifter För huvudmannen Exempla kommun');
    says('För kommunens socialtjänst Stockholm (0180) och Malmö (1280)');
    rendered.pages.forEach((page, i) => {
      assert.match(normalise(page), new RegExp(`Uppskattat ${AS_OF} med sst-bidrag\\..*Sida ${i + 1} av ${rendered.pages.length}`));
    });
  });

  test('carries the settlement input, decision dates included, as JSON that reads back equal and settles again', async () => {
    const read = await readAttachments(rendered.bytes);
    assert.ok(read.ok && read.settlement !== undefined);
    assert.deepEqual(read.settlement, JSON.parse(JSON.stringify(rendered.input)));
    const again = parseSettlement(read.settlement);
    assert.ok(again.ok);
    assert.deepEqual(settle(again.input, { asOf: AS_OF }), rendered.settlement);
    assert.equal((read.settlement as SettlementPdfInput).decision.teams[0].decidedOn, '2026-04-15');
  });

  test('gives byte-identical output for the same input; a date that is not a real date is left out', async () => {
    const second = await render(settlementRequest);
    assert.deepEqual(second.bytes, rendered.bytes);
    const badDate = {
      ...settlementRequest,
      decision: {
        teams: [
          { skolverketGrant: '300000', decidedOn: '2026-02-30' },
          { skolverketGrant: '80000', decidedOn: 7 },
        ],
      },
    };
    const withBad = await render(badDate);
    assert.deepEqual(withBad.input.decision.teams, [{ skolverketGrant: '300000' }, { skolverketGrant: '80000' }]);
  });

  test('without the application as applied for, says the changes cannot be compared', async () => {
    const { applied: _applied, ...withoutApplied } = settlementRequest;
    const alone = await render(withoutApplied);
    assert.ok(alone.text.includes('Ansökan som den söktes är inte med, så förändringarna kan inte listas.'));
    assert.ok(!alone.text.includes('Slutade tidigare'));
  });
});
