/**
 * The result page as a person reads it: a headline that counts teams per status and never
 * shows money that depends on an open review as settled (D18), a change banner that tells the
 * truth, the note on the education wherever the answers are shown, the two outcomes when one
 * person's education decides a team, and education options with examples on the member page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { FormClient } from './form-client.ts';
import { addTeam, school, social, startDraft } from './journey-answers.ts';
import { buildApp, withoutCellLabels } from './helper.ts';
import { formatKronor } from '../rules/format.ts';
import type { ResultSummary } from '../src/drafts/draft-data.ts';
import { resultChanges } from '../src/result-changes.ts';
import { pageTexts } from './pdf/pdf-text.ts';
import { buildApplication } from './application-builder.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

const note = 'Speciallärarexamen 2015 och 15 hp KBT';
/** Half a school post whose education is not known yet. */
const unknownHalf = { ...school, role: 'Specialpedagog', fte: '0,5', education: 'unknown', educationNote: note };

/** "331 178 kr" (with no-break spaces) → 331178n. */
const kronor = (text: string) => BigInt(text.replace(/\D/g, ''));

/** The labels and amounts under the verdict, in order. */
function totals(body: string): Array<{ label: string; value: bigint }> {
  const list = /<dl class="summary grant-total">([\s\S]*?)<\/dl>/.exec(body);
  assert.ok(list, 'the amounts under the verdict');
  return [...list[1].matchAll(/<dt class="summary__key">([^<]+)<\/dt><dd class="summary__value numeric">(?:<strong>)?([^<]+)</g)].map((m) => ({
    label: m[1],
    value: kronor(m[2]),
  }));
}
const parts = ['Klart: från team som uppfyller villkoren', 'Beror på en bedömning som återstår'];

describe('resultatets rubrik och belopp', () => {
  let base: string;
  let client: FormClient;
  before(async () => {
    // Norra meets the conditions for the spring; Södra and Västra each need a school post
    // assessed, and their known school staff together (0,75) do not meet them for the autumn.
    client = new FormClient(app);
    base = await startDraft(client);
    await addTeam(client, base, [school, social], { name: 'Norra', periodFrom: '2026-01-01', periodTo: '2026-06-30' });
    await addTeam(client, base, [{ ...school, fte: '0,5' }, unknownHalf, social], { name: 'Södra' });
    await addTeam(client, base, [{ ...school, fte: '0,25' }, { ...unknownHalf, fte: '0,75' }, social], { name: 'Västra' });
  });

  test('tre team där två behöver bedömas: rubriken räknar teamen och är inte grön', async () => {
    const page = await client.get(`${base}/resultat`);
    assert.match(page.body, /<div class="panel panel--needs_review">\s*<p class="panel__verdict">1 av 3 team uppfyller villkoren, 2 behöver bedömas<\/p>/);
    assert.doesNotMatch(page.body, /Ansökan uppfyller villkoren för bidrag/);
    const english = await client.get(`${base}/resultat?lang=en`);
    assert.match(english.body, /<p class="panel__verdict">1 of 3 teams meets the conditions, 2 need review<\/p>/);
  });

  test('beloppen visar vad som är klart och vad som beror på en bedömning, och delarna blir summan', async () => {
    const page = await client.get(`${base}/resultat`);
    const assessment = (await client.get(`${base}/bedomning.json`)).json();
    // Under the verdict: each total followed by its settled and its pending part.
    const rows = totals(page.body);
    assert.deepEqual(
      rows.map((r) => r.label),
      ['Skolverkets bidrag till huvudmannen', ...parts, 'Socialstyrelsens belopp till kommunen', ...parts, 'Risk att betala tillbaka', ...parts],
    );
    const { eligible, needs_review: review } = assessment.amounts.byTeamStatus;
    for (const [i, figure] of (['skolverketGrant', 'matched', 'repaymentRisk'] as const).entries()) {
      const [total, settled, pending] = rows.slice(i * 3, i * 3 + 3).map((r) => r.value);
      assert.equal(settled + pending, total, figure);
      assert.equal(String(settled), eligible[figure]);
      assert.equal(String(pending), review[figure]);
    }
    assert.equal(String(rows[0].value), assessment.amounts.skolverketGrant);
    assert.ok(rows[1].value > 0n && rows[2].value > 0n);
    // Each kommun's figures likewise, under its row.
    const kommun = assessment.amounts.municipalities[0].byTeamStatus.needs_review;
    const cells = [kommun.matched, kommun.matchedUsable, kommun.repaymentRisk].map((v: string) => `<td class="numeric">${formatKronor(v, 'sv')}</td>`);
    assert.ok(withoutCellLabels(page.body).includes(`<tr class="table__part"><th scope="row">Beror på en bedömning som återstår</th>${cells.join('')}</tr>`));
  });

  test('punkter som är uppfyllda för en person visas samlade på en rad', async () => {
    const page = await client.get(`${base}/resultat`);
    assert.match(page.body, /<summary>Uppfyllt: [^<]*Kostnad[^<]*<\/summary>/);
  });
});

describe('ändringsrutan', () => {
  test('visas inte vid omladdning, visas efter en verklig ändring med vad som ändrades, och försvinner när den är sedd', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, social]);
    assert.doesNotMatch((await client.get(`${base}/resultat`)).body, /har ändrats/);
    assert.doesNotMatch((await client.get(`${base}/resultat`)).body, /har ändrats/, 'a reload is no change');
    assert.doesNotMatch((await client.get(`${base}/resultat?lang=en`)).body, /has changed/, 'nor is another language');

    await client.submit(`${base}/team/1/person/p1`, { ...school, monthlySalary: '45 000' });
    const changed = (await client.get(`${base}/resultat`)).body;
    assert.match(changed, /<div class="notice" role="status">\s*<p><strong>Resultatet har ändrats sedan du senast såg det\.<\/strong><\/p>/);
    assert.match(changed, /<li>Skolverkets bidrag: 331\u00a0178\u00a0kr → 354\u00a0834\u00a0kr<\/li>/);
    assert.match(changed, /<li>Stockholm – Socialstyrelsens belopp till kommunen: 331\u00a0178\u00a0kr → 354\u00a0834\u00a0kr<\/li>/);
    assert.doesNotMatch((await client.get(`${base}/resultat`)).body, /har ändrats/, 'seen once, gone');

    await client.submit(`${base}/team/1/person/p2`, { ...social, fte: '0,5' });
    const worse = (await client.get(`${base}/resultat`)).body;
    assert.match(worse, /<li>Status: Ansökan uppfyller villkoren för bidrag → Ansökan uppfyller inte villkoren för bidrag<\/li>/);
    assert.match(worse, /<li>Skolsocialt team Norr: Uppfyller villkoren → Uppfyller inte villkoren<\/li>/);
    assert.match(worse, /<li>Minst två årsarbetskrafter i teamet: Uppfyllt → Inte uppfyllt<\/li>/);
    assert.match(worse, /<li>… och \d+ ändringar till\.<\/li>/);
  });
});

test('ett utkast sparat med en äldre sammanfattning av resultatet visar ingen ändring när inget har ändrats', () => {
  const current = {
    version: 2 as const,
    ruleSetId: 'sfs-2023-946',
    status: 'eligible',
    skolverketGrant: '331178',
    teams: [{ name: 'Norra', status: 'eligible' }],
    municipalities: [],
    findings: {},
  };
  const older = {
    ruleSetId: 'sfs-2023-946',
    status: 'eligible',
    teams: ['eligible'],
    skolverketGrant: '331178',
    matched: ['0180:331178:315408'],
  } as unknown as ResultSummary;
  assert.deepEqual(resultChanges(older, current, 'sv'), []);
  assert.deepEqual(resultChanges({ ...older, skolverketGrant: '300000' }, current, 'sv'), ['Skolverkets bidrag: 300\u00a0000\u00a0kr → 331\u00a0178\u00a0kr']);
});

describe('utbildningen', () => {
  let base: string;
  let client: FormClient;
  before(async () => {
    client = new FormClient(app);
    base = await startDraft(client);
    await addTeam(client, base, [{ ...school, fte: '0,5' }, unknownHalf, social]);
  });

  test('anteckningen om utbildningen visas på kontrollsidan, i resultatet och i PDF:en', async () => {
    assert.match((await client.get(`${base}/kontrollera`)).body, /Vet inte ännu \(om utbildningen: Speciallärarexamen 2015 och 15 hp KBT\)/);
    assert.match(
      (await client.get(`${base}/resultat`)).body,
      /<p class="education-note"><strong>Om utbildningen:<\/strong> Speciallärarexamen 2015 och 15 hp KBT<\/p>/,
    );
    const pdf = await client.post(`${base}/sammanstallning.pdf`, {});
    assert.equal(pdf.statusCode, 200);
    const text = (await pageTexts(pdf.rawPayload)).join(' ').replace(/[\s\u00a0]+/g, ' ');
    assert.ok(text.includes(`Specialpedagog (p2): ${note}`), text);
  });

  test('när en persons okända utbildning avgör teamet ges båda utfallen, med beloppet om den räknas', async () => {
    const application = (await client.get(`${base}/ansokan.json`)).json();
    application.teams[0].members[1].education = 'psychosocial_degree';
    const ifItCounts = (await app.inject({ method: 'POST', url: '/api/v1/assessments', payload: application })).json();
    assert.equal(ifItCounts.teams[0].status, 'eligible');
    const upTo = formatKronor(ifItCounts.teams[0].amounts.skolverketGrant, 'sv');
    const page = (await client.get(`${base}/resultat`)).body;
    assert.ok(page.includes(`Utbildningen för Specialpedagog (p2) avgör teamets bidrag: om den räknas, upp till ${upTo}; annars 0\u00a0kr.`), upTo);
  });

  test('när två personers okända utbildning behövs sägs inget om båda utfallen', async () => {
    const other = new FormClient(app);
    const draft = await startDraft(other);
    await addTeam(other, draft, [unknownHalf, { ...unknownHalf, role: 'Kurator' }, social]);
    const page = (await other.get(`${draft}/resultat`)).body;
    assert.match(page, /Ansökan behöver bedömas/);
    assert.doesNotMatch(page, /avgör teamets bidrag/);
  });

  test('personsidan visar utbildningarna för skolan och för socialtjänsten var för sig, med exempel', async () => {
    const fresh = (await client.get(`${base}/team/1/person/ny`)).body;
    for (const legend of ['Om personen är skolpersonal', 'Om personen kommer från socialtjänsten', 'Oavsett varifrån personen kommer']) {
      assert.match(fresh, new RegExp(`<legend class="legend">${legend}</legend>`));
    }
    assert.match(fresh, /id="education" name="education" type="radio" value="psychosocial_degree"/);
    assert.match(fresh, /En lärar-, speciallärar- eller specialpedagogexamen räknas oftast inte ensam/);
    assert.match(fresh, /KBT, MI/);
    assert.match(fresh, /Skolverket bedömer/);

    // A person from social services: only the options for that side.
    const socialPage = (await client.get(`${base}/team/1/person/p3`)).body;
    assert.match(socialPage, /value="socionomexamen"/);
    assert.doesNotMatch(socialPage, /value="psychosocial_degree"/);
    assert.doesNotMatch(socialPage, /Om personen är skolpersonal/);

    const english = (await client.get(`${base}/team/1/person/p1?lang=en`)).body;
    assert.match(english, /value="psychosocial_training"/);
    assert.doesNotMatch(english, /value="socionomexamen"/);
    assert.match(english, /A teacher, special-needs teacher \(speciallärare\) or special educator \(specialpedagog\) degree alone usually does not/);
  });
});

describe('svaret först', () => {
  test('ett team som inte uppfyller villkoren: rubriken, beloppen, en kort att göra-lista och detaljerna hopfällda', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, { ...school, role: 'Skolpsykolog', fte: '0,5' }, { ...social, fte: '0,5' }]);
    const page = (await client.get(`${base}/resultat`)).body;
    // The verdict per team, then the amounts, then what to do, in that order.
    const order = [
      'class="panel__verdict"',
      'Skolsocialt team Norr: <strong class="tag tag--not_eligible">Uppfyller inte villkoren</strong>',
      '<dl class="summary grant-total">',
      '<h2>Att göra</h2>',
      '<h2>Bedömningen i detalj</h2>',
    ];
    const at = order.map((part) => page.indexOf(part));
    assert.ok(
      at.every((i, n) => i > 0 && (n === 0 || i > at[n - 1])),
      JSON.stringify(at),
    );
    // The to-do list: only what stops, lowers or needs checking, each once, each a link to its page.
    const todo = /<div class="todo">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '';
    assert.doesNotMatch(todo, /finding--pass|finding--info/);
    const links = [...todo.matchAll(/<a class="finding__title" href="([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ href: m[1], text: m[2] }));
    assert.ok(links.length > 0);
    assert.equal(new Set(links.map((l) => l.text)).size, links.length, 'no point twice');
    const staffing = links.find((l) => l.text.startsWith('Minst en årsarbetskraft från socialtjänsten'));
    assert.ok(staffing, 'the failing condition is on the list');
    assert.match(staffing.href, /\/team\/1\/personer\?fran=kontrollera$/);
    assert.match(todo, /Öka tjänstgöringsgraden för personalen från socialtjänsten med 0,50 från 2026-01-01 till 2026-12-31\./);
    // One team: the organiser's teams together are the team, so those findings are not repeated.
    assert.doesNotMatch(page, /Huvudmannens team tillsammans|Personalen från socialtjänsten i huvudmannens team/);
    // A shortfall over the whole period is said as such.
    assert.match(page, /Teamets personal från socialtjänsten har mindre än 1,00 årsarbetskraft under hela perioden \(lägst 0,50\)\./);
    assert.doesNotMatch(page, /under delar av perioden/);
    // Everything else is collapsed, each part under a summary that names it.
    for (const summary of [
      'Villkor för ansökan som helhet (3)',
      'Villkor för teamet (6)',
      'Bemanning dag för dag',
      'Teamets belopp',
      'Personerna i teamet (3)',
    ]) {
      assert.ok(page.includes(`<summary>${summary}</summary>`), summary);
    }
    assert.equal((page.match(/<details/g) ?? []).length, (page.match(/<summary>/g) ?? []).length);
    // The banner is the verdict; the rule set is named lower down, in the detail.
    assert.doesNotMatch(/<div class="panel[\s\S]*?<\/div>/.exec(page)?.[0] ?? '', /2023:179/);
  });

  test('personerna heter det som skrevs in, också i genitiv', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [{ ...school, employerCostRate: '0' }, social]);
    const page = (await client.get(`${base}/resultat`)).body;
    assert.match(page, /Skolkurator \(p1\) är anställd men personalomkostnadspålägget är 0 %/);
    assert.match(page, /Skolkurators \(p1\) bidragsgrundande kostnad/);
    assert.doesNotMatch(page, /\bp1:s\b/);
  });
});

describe('bemanningens meningar stämmer för fallet', () => {
  const socialMessage = async (members: Array<Record<string, unknown>>) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: buildApplication({ grantYear: 2027, teams: [{ members: [{ side: 'school' }, ...members] }] }),
    });
    return (response.json().findings as Array<{ rule: string; scope: string; message: string }>).find(
      (f) => f.rule === 'social-services-fte' && f.scope === 'team',
    )?.message;
  };

  test('för lite hela året: "under hela perioden"', async () => {
    assert.equal(
      await socialMessage([{ side: 'social_services', fte: '0.50' }]),
      'Teamets personal från socialtjänsten har mindre än 1,00 årsarbetskraft under hela perioden (lägst 0,50). Enligt Skolverkets vägledning gäller kravet varje dag under perioden.',
    );
  });

  test('för lite en sammanhängande tid: den tiden, utan "första gången"', async () => {
    assert.equal(
      await socialMessage([
        { side: 'social_services', end: '2027-05-31' },
        { side: 'social_services', start: '2027-09-01' },
      ]),
      'Teamets personal från socialtjänsten har mindre än 1,00 årsarbetskraft under en del av perioden: lägst 0,00, 2027-06-01–2027-08-31. Enligt Skolverkets vägledning gäller kravet varje dag under perioden.',
    );
  });

  test('för lite flera gånger: den första av dem', async () => {
    assert.equal(
      await socialMessage([
        { side: 'social_services', end: '2027-03-31' },
        { side: 'social_services', start: '2027-05-01', end: '2027-10-31' },
        { side: 'social_services', start: '2027-12-01' },
      ]),
      'Teamets personal från socialtjänsten har mindre än 1,00 årsarbetskraft under delar av perioden: lägst 0,00, första gången 2027-04-01–2027-04-30. Enligt Skolverkets vägledning gäller kravet varje dag under perioden.',
    );
  });

  test('tillräckligt varje dag: gränsen 1,00 räcker', async () => {
    assert.match(
      (await socialMessage([{ side: 'social_services', fte: '1.00' }])) ?? '',
      /har minst 1,00 årsarbetskraft varje dag under perioden \(lägst 1,00\)/,
    );
  });
});
