/**
 * The application summary PDF, read back as a person's PDF reader would (pdfjs-dist): every
 * fact is there, formatted the Swedish way; the embedded JSON restores the input; the same
 * input gives the same bytes; no character anyone can type breaks generation or vanishes;
 * a 400-member application gives a valid multi-page document with repeated table headers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { before, describe, test } from 'node:test';
import fontkit from '@pdf-lib/fontkit';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageTexts } from './pdf-text.ts';
import { parseApplication } from '../../forms/application.ts';
import { assess } from '../../rules/assess.ts';
import { formatKronor } from '../../rules/format.ts';
import type { Application, Assessment } from '../../rules/types.ts';
import { DIRECT, layoutFeatures } from '../../src/pdf/fonts.ts';
import { nextSteps } from '../../src/next-steps.ts';
import { readAttachments, renderSummaryPdf } from '../../src/pdf/summary.ts';
import { buildApplication } from '../application-builder.ts';
import { largeApplication, typicalApplication } from '../bench/fixtures.ts';

const AS_OF = '2026-01-20';
const require = createRequire(import.meta.url);
const dejaVu = (file: string) => fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
const regular = dejaVu('DejaVuSans.ttf');
const bold = dejaVu('DejaVuSans-Bold.ttf');
const kr = (value: string) => formatKronor(value, 'sv').replace(/\u00a0/g, ' ');

function parsed(input: unknown): Application {
  const result = parseApplication(input);
  if (!result.ok) throw new Error(`invalid application: ${JSON.stringify(result.body)}`);
  return result.application;
}

interface Rendered {
  application: Application;
  assessment: Assessment;
  bytes: Uint8Array;
  replaced: string[];
  pages: string[];
  /** All pages, whitespace (NBSP included) collapsed to single spaces. */
  text: string;
}

const normalise = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

async function render(application: Application, asOf = AS_OF): Promise<Rendered> {
  const assessment = assess(application, { asOf });
  const { bytes, replaced } = await renderSummaryPdf(application, assessment);
  const pages = await pageTexts(bytes);
  return { application, assessment, bytes, replaced, pages, text: normalise(pages.join(' ')) };
}

function includes(rendered: Rendered, expected: string) {
  assert.ok(rendered.text.includes(normalise(expected)), `the PDF says ${JSON.stringify(expected)}`);
}

/** The PDF says what happens next in the very words the result page uses (src/next-steps.ts). */
function sameNextSteps(rendered: Rendered) {
  const next = nextSteps(rendered.application, rendered.assessment.amounts.municipalities.length > 0, 'sv');
  includes(rendered, next.heading);
  for (const step of next.steps) includes(rendered, step);
  // An address longer than the column is broken over lines, which the reader gives as spaces.
  const joined = rendered.text.replace(/ /g, '');
  for (const link of next.links) {
    includes(rendered, link.label);
    assert.ok(joined.includes(link.url), `the PDF gives the address ${link.url}`);
  }
  // The year's windows, with their sources and the day each was checked.
  if (next.dates.length) includes(rendered, next.datesHeading);
  for (const date of next.dates) assert.ok(joined.includes(`${date.name}:${date.text}`.replace(/[\s\u00a0]+/g, '')), `the PDF gives ${date.name}`);
}

describe('the application summary PDF', () => {
  let typical: Rendered;
  before(async () => {
    typical = await render(parsed(typicalApplication()));
  });

  test('states every fact of the typical application', () => {
    const { application, assessment } = typical;
    includes(typical, 'Sammanställning av ansökan om statsbidrag för skolsociala team');
    includes(typical, 'Exempla kommun');
    includes(typical, '212000-0142');
    includes(typical, 'Kommun');
    includes(typical, 'Bidragsår 2026');
    includes(typical, 'Förordning (2023:179) om statsbidrag för personalkostnader för skolsociala team, i lydelse enligt SFS 2023:946');
    includes(typical, 'Bedömningsdatum 2026-01-20');
    includes(typical, 'Team 1: Skolsocialt team Norra');
    includes(typical, 'Grundskola, Anpassad grundskola');
    includes(typical, 'Stockholm (0180)');
    includes(typical, 'Nytt team');
    for (const member of application.teams[0].members) includes(typical, member.role);
    includes(typical, 'tills vidare');
    includes(typical, '2027-06-30');
    includes(typical, '42 000 kr');
    includes(typical, '31,42 %');
    includes(typical, '0,50');
    // m1's eligible cost and grant, with the no-break spaces pdfjs may give back as spaces.
    includes(typical, '662 357 kr');
    includes(typical, '331 178 kr');
    assert.equal(kr(assessment.teams[0].members[0].grant), '331 178 kr');
  });

  test('gives the staffing, every finding with its paragraph, and the amounts', () => {
    const { assessment } = typical;
    includes(typical, 'Lägst skolpersonal en dag 1,00 (krav 1,00)');
    includes(typical, 'Lägst totalt en dag 2,00 (krav 2,00)');
    includes(typical, 'grupp 2');
    for (const finding of assessment.findings) {
      includes(typical, finding.message);
      includes(typical, finding.citation);
      if (finding.fix) includes(typical, finding.fix);
    }
    includes(typical, 'Uppfyllt, observera');
    const grant = assessment.amounts.skolverketGrant;
    includes(typical, `${kr(assessment.teams[0].amounts.skolverketGrant)} = ${kr(grant)}`);
    const [kommun] = assessment.amounts.municipalities;
    includes(typical, `${kr(kommun.matchedUsable)} + ${kr(kommun.repaymentRisk)} = ${kr(kommun.matched)}`);
    assert.equal(BigInt(kommun.matchedUsable) + BigInt(kommun.repaymentRisk), BigInt(kommun.matched));
    includes(typical, 'Socialstyrelsens belopp till kommunen');
    includes(typical, 'Del kommunen får använda');
    includes(typical, assessment.amounts.notice);
    includes(typical, 'Beloppen är högsta belopp, inte ett löfte om bidrag');
  });

  test('says what happens next, what to have at hand, and has signature lines', () => {
    includes(typical, 'Ansökningsperioden för bidragsår 2026 är 15 januari–16 februari 2026');
    includes(typical, 'Rekvisitionsperioden för bidragsår 2026 är 15 april–1 juni 2026');
    includes(typical, 'Redovisningen till Skolverket för bidragsår 2026 görs 15 januari–15 februari 2027');
    sameNextSteps(typical);
    includes(typical, 'rekvirerar motfinansieringen från Socialstyrelsen');
    includes(typical, 'redovisar motfinansieringen till Socialstyrelsen');
    includes(typical, 'ska anmälas utan dröjsmål');
    includes(typical, 'Dokument att ha till hands');
    for (const document of ['Överenskommelse med socialtjänsten', 'Anställningsavtal och uppdragsavtal', 'Examensbevis', 'lönekostnaderna'])
      includes(typical, document);
    includes(typical, 'För huvudmannen');
    includes(typical, 'För kommunens socialtjänst');
    for (const line of ['Underskrift', 'Namnförtydligande', 'Datum']) includes(typical, line);
  });

  test('has a header and "Sida n av N" on every page', () => {
    const count = typical.pages.length;
    assert.ok(count >= 2);
    typical.pages.forEach((page, i) => {
      const text = normalise(page);
      assert.ok(text.includes('Exempla kommun') && text.includes('Bidragsår 2026'), `header on page ${i + 1}`);
      assert.ok(text.includes(`Sida ${i + 1} av ${count}`), `page number on page ${i + 1}`);
    });
  });

  test('shows the parts of a two-team grant summing to the total', async () => {
    const base = typicalApplication() as { teams: Array<Record<string, unknown>> };
    const members = (base.teams[0].members as Array<Record<string, unknown>>).map((m, i) => ({ ...m, id: `s${i + 1}` }));
    const second = { ...base.teams[0], name: 'Skolsocialt team Södra', municipalityCode: '0184', members };
    const rendered = await render(parsed({ ...base, teams: [base.teams[0], second] }));
    const [one, two] = rendered.assessment.teams.map((t) => t.amounts.skolverketGrant);
    const total = rendered.assessment.amounts.skolverketGrant;
    assert.equal(BigInt(one) + BigInt(two), BigInt(total));
    includes(rendered, `${kr(one)} + ${kr(two)} = ${kr(total)}`);
    includes(rendered, 'Solna (0184)');
  });

  test('separates settled money from money that depends on an open review (D18), the note on the education and both outcomes where one education decides', async () => {
    // Team 1 meets the conditions for the spring; teams 2 and 3 each need a school post assessed,
    // and their qualifying school staff together (0,75) do not meet them for the autumn.
    const inReview = (name: string, known: string) => ({
      name,
      members: [
        { side: 'school', fte: known },
        { side: 'school', fte: String(1 - Number(known)), education: 'unknown', educationNote: 'Speciallärarexamen 2015 och 15 hp KBT' },
        { side: 'social_services' },
      ],
    });
    const rendered = await render(
      parsed(
        buildApplication({
          teams: [{ name: 'Norra', period: { from: '2026-01-01', to: '2026-06-30' } }, inReview('Södra', '0.50'), inReview('Västra', '0.25')],
        }),
      ),
    );
    const { assessment } = rendered;
    assert.deepEqual(
      assessment.teams.map((t) => t.status),
      ['eligible', 'needs_review', 'needs_review'],
    );
    includes(rendered, 'Samlad bedömning 1 av 3 team uppfyller villkoren, 2 behöver bedömas');
    const { eligible, needs_review } = assessment.amounts.byTeamStatus;
    const total = assessment.amounts.skolverketGrant;
    assert.ok(BigInt(needs_review.skolverketGrant) > 0n);
    includes(rendered, `Klart: från team som uppfyller villkoren ${kr(eligible.skolverketGrant)}`);
    includes(rendered, `Beror på en bedömning som återstår ${kr(needs_review.skolverketGrant)}`);
    includes(rendered, `${kr(eligible.skolverketGrant)} + ${kr(needs_review.skolverketGrant)} = ${kr(total)}`);
    const [kommun] = assessment.amounts.municipalities;
    includes(rendered, `– Beror på en bedömning som återstår ${kr(kommun.byTeamStatus.needs_review.matched)}`);
    includes(rendered, 'Om utbildningen');
    includes(rendered, 'Skolkurator (m4): Speciallärarexamen 2015 och 15 hp KBT');
    // m4's education alone decides Södra: both of its 0,5 posts at 40 000 kr a month, or nothing.
    // Neither unknown education decides alone: with the other one counted, the autumn could still be met together.
    assert.ok(!rendered.text.includes('avgör teamets bidrag'));

    const single = await render(parsed(buildApplication({ teams: [inReview('Södra', '0.50')] })));
    // m2's education alone decides: both 0,5 posts at 40 000 kr a month, or nothing.
    includes(single, 'Utbildningen för Skolkurator (m2) avgör teamets bidrag: om den räknas, upp till 240 000 kr; annars 0 kr.');
  });

  test('lists the date ranges where staffing is below the minimum', async () => {
    const rendered = await render(parsed(buildApplication({ teams: [{ members: [{ side: 'school', start: '2026-03-16' }, { side: 'social_services' }] }] })));
    includes(rendered, 'Under kravet, skolpersonal 2026-01-01–2026-03-15 (1,00 saknas)');
    includes(rendered, 'Under kravet, teamet totalt 2026-01-01–2026-03-15 (1,00 saknas)');
    includes(rendered, 'Lägst skolpersonal en dag 0,00 (krav 1,00)');
    includes(rendered, 'Inte uppfyllt');
  });

  test('is machine-readable: title, author, language, fixed dates', async () => {
    const doc = await getDocument({ data: new Uint8Array(typical.bytes), verbosity: 0, isEvalSupported: false }).promise;
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    const attachments = await doc.getAttachments();
    await doc.destroy();
    assert.equal(info.Language, 'sv-SE');
    assert.equal(info.Author, 'sst-bidrag');
    assert.match(String(info.Title), /^Sammanställning av ansökan om statsbidrag för skolsociala team/);
    assert.match(String(info.Subject), /Exempla kommun/);
    assert.equal(info.CreationDate, 'D:20260120000000Z');
    assert.equal(info.ModDate, 'D:20260120000000Z');
    assert.deepEqual(Object.keys(attachments ?? {}).sort(), ['ansokan.json', 'bedomning.json']);
  });

  test('carries the application and the assessment as JSON that reads back equal', async () => {
    const read = await readAttachments(typical.bytes);
    assert.ok(read.ok);
    assert.deepEqual(read.application, typical.application);
    assert.deepEqual(read.assessment, typical.assessment);
  });

  test('reads no attachments from junk or from a PDF without them, and never throws', async () => {
    const blank = await PDFDocument.create();
    blank.addPage();
    const junk = [
      new Uint8Array(),
      new TextEncoder().encode('not a pdf'),
      new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Names 5 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'),
      typical.bytes.slice(0, Math.floor(typical.bytes.length / 2)),
      await blank.save(),
      Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256),
    ];
    for (const bytes of junk) assert.deepEqual(await readAttachments(bytes), { ok: false, problem: 'notSummary' });
    // Damaged copies of a real summary: whatever comes back, nothing is thrown.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(typical.bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (edits) => {
          const damaged = typical.bytes.slice();
          for (const [at, value] of edits) damaged[at] = value;
          await readAttachments(damaged);
        },
      ),
      { numRuns: 30, seed: 179 },
    );
  });

  test('gives byte-identical output for the same input, whatever was drawn before', async () => {
    const { application, assessment } = typical;
    const first = await renderSummaryPdf(application, assessment);
    // Another document in between, with text that takes the font's full shaping.
    const other = structuredClone(application);
    other.organiser.name = 'مدرسة النور ﺍ ffi ﬁ';
    await renderSummaryPdf(other, assess(other, { asOf: AS_OF }));
    const [second, third] = await Promise.all([renderSummaryPdf(application, assessment), renderSummaryPdf(application, assessment)]);
    assert.deepEqual(Buffer.from(second.bytes), Buffer.from(first.bytes));
    assert.deepEqual(Buffer.from(third.bytes), Buffer.from(first.bytes));
    assert.deepEqual(Buffer.from(first.bytes), Buffer.from(typical.bytes));
  });

  test('draws or visibly replaces every character of arbitrary names and roles', async () => {
    const samples = [
      'Zoë Ångström-Łukasiewicz',
      'Nguyễn Thị Minh Khai',
      'İlkay Şahin Ğ ı',
      'Þórunn Ðóra',
      'Ǆorđe ǅ',
      'Ægir Øster',
      '张伟 李娜',
      '山田 太郎',
      '김민준',
      'שלום עולם',
      'مرحبا بالعالم',
      'e\u0301 a\u0308 n\u0303 \u0361',
      '👩‍👩‍👧 🇸🇪 ✅',
      '\u0000\u0007\u001b\u007f\u0085',
      'line\nbreak\r\nand\ttab',
      '\u202eevil\u202c \u200b\u200d\ufeff\u00ad',
      '\ud800 lone \udfff',
      'ﬁ ﬂ ﬀ ﬃ',
      '\u{1D400}\u{10FFFF}\u{E000}',
      ' \u00a0\u2009\u3000 ',
      'ℵ ∑ ≠ √ ∞ − – — …',
    ];
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom(...samples),
      fc.array(fc.constantFrom(...samples), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
    );
    const template = parsed(typicalApplication());
    await fc.assert(
      fc.asyncProperty(text, text, fc.array(text, { minLength: 4, maxLength: 4 }), text, async (organiser, team, roles, id) => {
        const application = structuredClone(template);
        application.organiser.name = organiser;
        application.teams[0].name = team;
        application.teams[0].members.forEach((member, i) => {
          member.role = roles[i];
        });
        application.teams[0].members[0].id = `m1${id}`;
        const rendered = await render(application);
        const dropped: string[] = [];
        for (const input of [organiser, team, ...roles, id]) {
          for (const char of input) {
            if (/[\s\u0085]/u.test(char)) continue; // spacing and line breaks: laid out, not drawn
            if (!rendered.text.includes(char) && !rendered.replaced.includes(char)) dropped.push(char);
          }
        }
        assert.deepEqual(
          dropped.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`),
          [],
        );
        // Only what a font lacks, or what would not show, is replaced.
        for (const char of rendered.replaced) {
          const cp = char.codePointAt(0)!;
          const invisible = /[\p{C}\p{Default_Ignorable_Code_Point}]/u.test(char);
          assert.ok(invisible || !regular.hasGlyphForCodePoint(cp) || !bold.hasGlyphForCodePoint(cp), `U+${cp.toString(16)} needlessly replaced`);
        }
        const read = await readAttachments(rendered.bytes);
        assert.ok(read.ok);
        assert.deepEqual(read.application, application);
      }),
      { numRuns: 50, seed: 20260120 },
    );
  });

  test('draws every letter of Latin-1, Latin Extended-A and -B and Latin Extended Additional', async () => {
    const letters: string[] = [];
    for (const [from, to] of [
      [0xc0, 0x24f],
      [0x1e00, 0x1efb],
    ]) {
      for (let cp = from; cp <= to; cp++) if (/\p{L}/u.test(String.fromCodePoint(cp))) letters.push(String.fromCodePoint(cp));
    }
    const application = parsed(typicalApplication());
    const words = Array.from({ length: Math.ceil(letters.length / 16) }, (_, i) => letters.slice(i * 16, i * 16 + 16).join(''));
    application.organiser.name = words.slice(0, 20).join(' ');
    application.teams[0].members[0].role = words.slice(20).join(' ');
    const rendered = await render(application);
    assert.deepEqual(rendered.replaced, []);
    assert.deepEqual(
      letters.filter((letter) => !rendered.text.includes(letter)),
      [],
    );
  });

  test('lays out 20 teams of 20 members on many pages, repeating table headers', async () => {
    const rendered = await render(parsed(largeApplication()));
    assert.ok(rendered.pages.length > 5, `${rendered.pages.length} pages`);
    const withMemberHeader = rendered.pages.filter((page) => normalise(page).includes('Person och roll')).length;
    assert.ok(withMemberHeader > rendered.application.teams.length, `member-table header on ${withMemberHeader} pages`);
    const withFindingsHeader = rendered.pages.filter((page) => normalise(page).includes('Villkor och paragraf')).length;
    assert.ok(withFindingsHeader > 2, `findings header on ${withFindingsHeader} pages`);
    rendered.pages.forEach((page, i) => {
      assert.ok(normalise(page).includes(`Sida ${i + 1} av ${rendered.pages.length}`));
    });
    const grants = rendered.assessment.teams.map((t) => kr(t.amounts.skolverketGrant));
    includes(rendered, `${grants.join(' + ')} = ${kr(rendered.assessment.amounts.skolverketGrant)}`);
  });

  test('bidragsår 2023 has no matched allocation from Socialstyrelsen', async () => {
    const rendered = await render(parsed(buildApplication({ grantYear: 2023 })), '2023-09-20');
    includes(rendered, 'Bidragsår 2023');
    includes(rendered, 'Förordning (2023:179) om statsbidrag för personalkostnader för skolsociala team, ursprunglig lydelse');
    includes(rendered, 'Ansökningsperioden för bidragsår 2023 är 15 september–16 oktober 2023');
    sameNextSteps(rendered);
    includes(rendered, 'För bidragsår 2023 visas ingen prioritetsgrupp: urvalsordningen för 2023 är inte bekräftad.');
    assert.ok(!rendered.text.includes('Socialstyrelsen'), 'no word of Socialstyrelsen');
    assert.ok(!rendered.text.toLowerCase().includes('motfinansiering'));
    const grant = rendered.assessment.amounts.skolverketGrant;
    includes(rendered, `${kr(rendered.assessment.teams[0].amounts.skolverketGrant)} = ${kr(grant)}`);
    const read = await readAttachments(rendered.bytes);
    assert.ok(read.ok);
    assert.deepEqual(read.assessment, rendered.assessment);
  });

  test('an independent huvudman and a year without a known application window', async () => {
    const rendered = await render(
      parsed(buildApplication({ grantYear: 2027, organiser: { name: 'Friskolan Ekbacken AB', orgNumber: '556036-0793', type: 'independent' } })),
      '2026-11-01',
    );
    includes(rendered, 'Friskolan Ekbacken AB');
    includes(rendered, '556036-0793');
    includes(rendered, 'Enskild huvudman (fristående skola)');
    includes(rendered, 'Ansökningsperioden för bidragsår 2027 är inte känd ännu');
    includes(rendered, 'Preliminärt, utifrån tidigare år: 15 januari–15 februari 2027');
    includes(rendered, 'Förra årets period, för bidragsår 2026, var 15 januari–16 februari 2026');
    sameNextSteps(rendered);
  });

  test('text drawn without shaping gets the glyphs fontkit would have chosen', () => {
    for (const [file, font] of [
      ['DejaVuSans.ttf', regular],
      ['DejaVuSans-Bold.ttf', bold],
    ] as const) {
      const direct = font.characterSet.map((cp) => String.fromCodePoint(cp)).filter((c) => DIRECT.test(c) && !/[\p{Cc}\p{Cf}\p{M}]/u.test(c));
      assert.ok(direct.length > 1000);
      const ids = (text: string) => font.layout(text, layoutFeatures()).glyphs.map((g) => g.id);
      for (const c of direct) {
        const text = `a${c}${c}1`;
        assert.deepEqual(
          ids(text),
          Array.from(text, (x) => font.glyphForCodePoint(x.codePointAt(0)!).id),
          `${file} U+${c.codePointAt(0)!.toString(16)}`,
        );
      }
    }
  });
});
