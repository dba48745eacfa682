/**
 * The kommun's overview once Skolverket's decisions are entered: a settlement draft shared
 * beside its application draft counts its team once, from the settlement (the decided grant,
 * not the maximum); the overview says what to requisition, in which window and with what; after
 * the year, the usable and to-repay money per team. JSON, page and CSV alike, and still no org
 * numbers, salaries or people.
 *
 * Hand-computed for Stockholm (0180), 2026, from test/fixtures/settlements.ts: Team Norr as
 * applied gives at most 40 000 × 1.25 × 12 / 2 = 300 000. Skolverket decided 280 000 on
 * 2026-04-15. As carried out, the school member's actual cost 550 000 justifies 275 000: used
 * 275 000, unused 5 000. The kommun received 280 000 and may use half of the social-services
 * cost (n2 January–14 June, n3 from 15 August), the rest to repay. Team Söder is in Malmö.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { parseSettlement } from '../forms/settlement.ts';
import { settle } from '../rules/settlement.ts';
import type { DraftApplicationInput } from '../forms/draft-application.ts';
import { withIds } from '../src/drafts/draft-data.ts';
import { todayInSweden } from '../src/lang.ts';
import { buildApplication } from './application-builder.ts';
import { createOverview, makeDraft } from './fixtures/overviews.ts';
import { applied, carriedOut } from './fixtures/settlements.ts';
import { buildApp, withoutCellLabels } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp({}, { open: true });
});
after(() => app.close());

const decisions = { t1: { skolverketGrant: '280000', decidedOn: '2026-04-15' }, t2: { skolverketGrant: '80000' } };

/** A settlement draft of the fixture, shared into the overview with `code`. */
async function shareSettlement(code: string): Promise<string> {
  const data = {
    ...withIds(carriedOut as unknown as DraftApplicationInput),
    settlement: { applied: withIds(applied as unknown as DraftApplicationInput).application, decisions },
  };
  const { id } = await app.drafts.create(data);
  const shared = await app.inject({ method: 'POST', url: `/api/v1/drafts/${id}/share`, payload: { submissionCode: code } });
  assert.equal(shared.statusCode, 200, shared.body);
  return id;
}

/** The engine's figures for Team Norr with the decisions above. */
function engineNorr() {
  const input = parseSettlement({ application: carriedOut, decision: { teams: [{ skolverketGrant: '280000' }, { skolverketGrant: '80000' }] }, applied });
  assert.ok(input.ok);
  return settle(input.input, { asOf: todayInSweden() }).teams[0];
}

test('en redovisning delad bredvid sin ansökan räknas en gång, med Skolverkets beslut i stället för det högsta beloppet', async () => {
  const overview = await createOverview(app, '0180', 2026);
  await makeDraft(app, applied, overview.submissionCode);
  const before = (await app.inject({ url: `/api/v1/overviews/${overview.key}` })).json();
  assert.deepEqual(
    before.teams.map((t: { team: string; skolverketGrant: string }) => [t.team, t.skolverketGrant]),
    [['Team Norr', '300000']],
  );
  assert.deepEqual(before.requisition, {
    amount: '0',
    teams: 0,
    window: { from: '2026-04-15', to: '2026-06-01', preliminary: false, source: before.requisition.window.source, checked: '2026-12-02' },
  });
  assert.match(before.requisition.window.source.url, /^https:\/\/statsbidrag\.socialstyrelsen\.se\//);

  await shareSettlement(overview.submissionCode);
  const json = (await app.inject({ url: `/api/v1/overviews/${overview.key}` })).json();
  const norr = engineNorr();
  assert.equal(norr.used, '275000');
  assert.equal(norr.unused, '5000');
  assert.equal(BigInt(norr.matched.usable) + BigInt(norr.matched.repay), 280000n);
  assert.deepEqual(json.teams, [
    {
      organiser: { name: 'Exempla kommun', type: 'municipal' },
      team: 'Team Norr',
      status: norr.status,
      skolverketGrant: '280000',
      matched: '280000',
      matchedUsable: norr.matched.usable,
      repaymentRisk: norr.matched.repay,
      staffingSuggestion: null,
      copies: 2,
      settlement: {
        decided: '280000',
        decidedOn: '2026-04-15',
        conditions: 'not_met',
        used: '275000',
        unused: '5000',
        received: '280000',
        usable: norr.matched.usable,
        repay: norr.matched.repay,
      },
    },
  ]);
  const none = { skolverketGrant: '0', matched: '0', matchedUsable: '0', repaymentRisk: '0' };
  assert.deepEqual(json.totals.decided, {
    skolverketGrant: '280000',
    matched: '280000',
    matchedUsable: norr.matched.usable,
    repaymentRisk: norr.matched.repay,
  });
  assert.deepEqual(json.totals.byTeamStatus, { eligible: none, eligible_aggregate_only: none, needs_review: none });
  assert.equal(json.totals.skolverketGrant, '280000');
  assert.equal(json.requisition.amount, '280000');
  assert.equal(json.requisition.teams, 1);
});

test('sidan säger vad kommunen ska rekvirera, när och vad som behövs, och efter året vad som får användas och betalas tillbaka', async () => {
  const overview = await createOverview(app, '0180', 2026);
  await makeDraft(app, applied, overview.submissionCode);
  await shareSettlement(overview.submissionCode);
  const norr = engineNorr();
  const kr = (v: string) => `${new Intl.NumberFormat('sv-SE').format(BigInt(v))}\u00a0kr`;
  const page = await app.inject({ url: `/oversikt/${overview.key}` });
  assert.equal(page.statusCode, 200);
  const body = withoutCellLabels(page.body);
  assert.match(body, /räknas en gång, från redovisningen med Skolverkets beslut: Team Norr \(Exempla kommun\)/);
  assert.doesNotMatch(body, /Be huvudmannen ta tillbaka den gamla ansökan/);
  assert.ok(body.includes(`<td class="numeric">${kr('280000')} (beslut)</td>`));
  assert.ok(body.includes(`Skolverket har beviljat ${kr('280000')} för ett team i kommunen`));
  assert.match(body, /Rekvisitionsperiod: 15 april–1 juni 2026\. Socialstyrelsen: .*kontrollerat 2026-12-02\./);
  assert.match(body, /ombud för kommunen i Socialstyrelsens e-tjänst/);
  assert.match(body, /utdrag ur delegationsordningen/);
  assert.ok(body.includes('<h2>Efter året: redovisningarna</h2>'));
  assert.ok(
    body.includes(
      `<th scope="row">Team Norr</th><td>2026-04-15</td><td>Inte uppfyllda</td><td class="numeric">${kr('280000')}</td><td class="numeric">${kr('5000')}</td><td class="numeric">${kr('280000')}</td><td class="numeric">${kr(norr.matched.usable)}</td><td class="numeric">${kr(norr.matched.repay)}</td>`,
    ),
  );
  assert.ok(body.includes(`<th scope="row" colspan="4">Beslutat: från team där Skolverkets beslut är inlagt</th>`));
  // Huvudman names, never org numbers, salaries, people or the other kommun's team. The page's
  // own random strings (its key, the CSRF token) are left out: "n2" can turn up in them by chance.
  const shown = page.body.replaceAll(overview.key, 'KEY').replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf"');
  assert.doesNotMatch(shown, /212000-0142|(?<!\d)40\u00a0000|(?<!\d)30\u00a0000|(?<!\d)31\u00a0000|550\u00a0000|Skolsocionom|Skolkurator|\bn2\b|Team Söder/);

  const lines = (await app.inject({ url: `/oversikt/${overview.key}/oversikt.csv` })).body
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  assert.match(lines[0], /;Underlag;Beviljat av Skolverket;Beslutsdatum;Inte använt$/);
  assert.equal(
    lines[1],
    `Exempla kommun;Kommun;Team Norr;Uppfyller inte villkoren;280000;280000;${norr.matched.usable};${norr.matched.repay};;;Beslut och redovisning;280000;2026-04-15;5000`,
  );
  assert.equal(lines[2], `Summa;;;;280000;280000;${norr.matched.usable};${norr.matched.repay};;0;;280000;;`);
  assert.equal(lines[3], `Beslutat: från team där Skolverkets beslut är inlagt;;;;280000;280000;${norr.matched.usable};${norr.matched.repay};;;;;;`);

  const en = await app.inject({ url: `/oversikt/${overview.key}?lang=en` });
  assert.match(en.body, /Requisition period: 15 April–1 June 2026/);
  assert.match(en.body, /What the municipality needs to requisition/);
});

test('utan beslut säger sidan hur det läggs in; ett år utan känd rekvisitionsperiod säger det', async () => {
  const overview = await createOverview(app, '0180', 2025);
  await makeDraft(app, buildApplication({ grantYear: 2025 }), overview.submissionCode);
  const json = (await app.inject({ url: `/api/v1/overviews/${overview.key}` })).json();
  assert.deepEqual(json.requisition, { amount: '0', teams: 0, window: null });
  const body = (await app.inject({ url: `/oversikt/${overview.key}` })).body;
  assert.match(body, /När Skolverket har beslutat lägger samordnaren in beslutet med Redovisa året/);
  assert.match(body, /Socialstyrelsens rekvisitionsperiod för bidragsår 2025 är inte känd ännu\./);
  assert.doesNotMatch(body, /Efter året: redovisningarna/);
});

test('en redovisning utan alla beslut räknas inte förrän besluten finns; tas den tillbaka räknas ansökan igen', async () => {
  const overview = await createOverview(app, '0180', 2026);
  await makeDraft(app, applied, overview.submissionCode);
  const data = {
    ...withIds(carriedOut as unknown as DraftApplicationInput),
    settlement: { applied: withIds(applied as unknown as DraftApplicationInput).application, decisions: { t1: decisions.t1 } },
  };
  const { id } = await app.drafts.create(data);
  const refused = await app.inject({ method: 'POST', url: `/api/v1/drafts/${id}/share`, payload: { submissionCode: overview.submissionCode } });
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().error, 'not_assessable');

  const settled = await shareSettlement(overview.submissionCode);
  assert.equal((await app.inject({ url: `/api/v1/overviews/${overview.key}` })).json().teams[0].skolverketGrant, '280000');
  const withdrawn = await app.inject({ method: 'DELETE', url: `/api/v1/drafts/${settled}/share/${overview.submissionCode}` });
  assert.equal(withdrawn.statusCode, 204);
  const after = (await app.inject({ url: `/api/v1/overviews/${overview.key}` })).json();
  assert.deepEqual(
    after.teams.map((t: { skolverketGrant: string; settlement?: unknown }) => [t.skolverketGrant, t.settlement]),
    [['300000', undefined]],
  );
});

test('en redovisning med skräp i sparade beslut: datumet når aldrig kommunen, ett ogiltigt belopp delar ingenting', async () => {
  const overview = await createOverview(app, '0180', 2026);
  const teams = withIds(carriedOut as unknown as DraftApplicationInput);
  const asApplied = withIds(applied as unknown as DraftApplicationInput).application;
  const hostile = {
    ...teams,
    settlement: {
      applied: asApplied,
      decisions: { t1: { skolverketGrant: '280000', decidedOn: '<script>alert(1)</script>' }, t2: { skolverketGrant: '80000', decidedOn: '2026-02-30' } },
    },
  };
  const { id } = await app.drafts.create(hostile);
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/drafts/${id}/share`, payload: { submissionCode: overview.submissionCode } })).statusCode, 200);
  const [norr] = (await app.inject({ url: `/api/v1/overviews/${overview.key}` })).json().teams;
  assert.equal(norr.settlement.decided, '280000');
  assert.equal('decidedOn' in norr.settlement, false);
  const page = (await app.inject({ url: `/oversikt/${overview.key}` })).body;
  assert.doesNotMatch(page, /<script>alert|&lt;script&gt;/);
  assert.match(withoutCellLabels(page), /<th scope="row">Team Norr<\/th><td>inte angivet<\/td>/);

  for (const skolverketGrant of ['-5', '12,5', '1e9', 'många']) {
    const bad = { ...teams, settlement: { applied: asApplied, decisions: { t1: { skolverketGrant }, t2: { skolverketGrant: '80000' } } } };
    const draft = await app.drafts.create(bad);
    const refused = await app.inject({ method: 'POST', url: `/api/v1/drafts/${draft.id}/share`, payload: { submissionCode: overview.submissionCode } });
    assert.equal(refused.statusCode, 422, skolverketGrant);
    assert.equal(refused.json().error, 'not_assessable');
  }
  assert.equal((await app.inject({ url: `/api/v1/overviews/${overview.key}` })).json().teams.length, 1);
});
