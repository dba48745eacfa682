/**
 * The pre-filled application summary as a PDF (Swedish): the huvudman, each team and its
 * members, the staffing, every finding with its paragraph, the amounts with their
 * reconciliation, what happens next, the documents to have at hand and signature lines.
 *
 * The application and the assessment are embedded as JSON attachments (ansokan.json and
 * bedomning.json), so a saved PDF can restore a draft (`readAttachments`). The same input
 * gives the same bytes: every date in the file is the assessment date, and the document ID
 * is a hash of the input.
 */
import { memberLabels } from '../../forms/member.ts';
import { organiserTypeLabels } from '../../forms/organiser.ts';
import { schoolFormLabels } from '../../forms/team.ts';
import { ruleSetFor } from '../../rules/rule-sets.ts';
import type { RuleSet } from '../../rules/params/rule-set.ts';
import type { Application, Assessment, Education, Finding, Member, MemberResult, Team, TeamResult } from '../../rules/types.ts';
import { decidingEducations, type DecidingEducation } from '../education-outcomes.ts';
import { bothOutcomes, personLabel, resultWords, ruleTitle, settledAndPending, verdict, waitsForReview } from '../result-words.ts';
import { nextSteps } from '../next-steps.ts';
import { words } from '../words/index.ts';
import { renderDocument, type RenderedPdf } from './document.ts';
import { fte, kr, list, municipality, percent, range } from './format.ts';
import { colors, type Cell, type Cursor } from './layout.ts';

export { readAttachments } from './attachments.ts';

export type SummaryPdf = RenderedPdf;

export const ATTACHMENT_NAMES = { application: 'ansokan.json', assessment: 'bedomning.json' } as const;

const TITLE = 'Sammanställning av ansökan om statsbidrag för skolsociala team';
const text = {
  outcome: words.sv.labels.outcome,
  side: { school: 'Skola', social_services: 'Socialtjänst' },
  education: {
    psychosocial_degree: 'Examen i psykosocialt arbete',
    psychosocial_training: 'Kurser i psykosocialt arbete',
    socionomexamen: 'Socionomexamen',
    other_relevant_degree: 'Annan relevant examen',
    none: 'Ingen relevant utbildning',
    unknown: 'Inte angiven',
  } satisfies Record<Education, string>,
  tier: {
    1: 'behålla tidigare finansierade årsarbetskrafter i team i grundskolan',
    2: 'nya team i grundskolan',
    3: 'förstärkning av befintliga team i grundskolan',
    4: 'team i gymnasieskolan',
  } as Record<number, string>,
};

/** The amounts' names, as the pages and the kommun's CSV have them. */
const amount = words.sv.labels.amount;

const outcomeColor = { pass: colors.good, fail: colors.bad, warn: colors.warn, review: colors.warn, info: colors.muted };

export async function renderSummaryPdf(application: Application, assessment: Assessment, _options: { lang?: 'sv' } = {}): Promise<SummaryPdf> {
  const year = application.grantYear;
  return renderDocument(
    {
      date: assessment.assessedOn,
      title: `${TITLE}, bidragsår ${year}`,
      subject: `${application.organiser.name} (${application.organiser.orgNumber}), bidragsår ${year}, bedömd ${assessment.assessedOn}`,
      keywords: ['statsbidrag', 'skolsociala team', 'förordning (2023:179)', assessment.ruleSet.id],
      header: { left: application.organiser.name, right: `Bidragsår ${year}` },
      footer: `Bedömd ${assessment.assessedOn} med sst-bidrag. Sammanställningen är inte ett beslut.`,
      attachments: [
        { name: ATTACHMENT_NAMES.application, description: 'Ansökan som JSON (sst-bidrag)', value: application, relationship: 'source' },
        { name: ATTACHMENT_NAMES.assessment, description: 'Bedömningen som JSON (sst-bidrag)', value: assessment, relationship: 'supplement' },
      ],
    },
    (cursor) => drawDocument(cursor, application, assessment),
  );
}

// ---------------------------------------------------------------------------------------------
// The content.

function drawDocument(cursor: Cursor, application: Application, assessment: Assessment) {
  const ruleSet = ruleSetFor(application.grantYear);
  cursor.heading(TITLE.replace(' för skolsociala', '\nför skolsociala'), 1);
  cursor.fields([
    ['Bidragsår', String(application.grantYear)],
    ['Regelverk', ruleSet?.wording ?? assessment.ruleSet.title],
    ['Bidragsperiod', range(assessment.ruleSet.period.from, assessment.ruleSet.period.to)],
    ['Bedömningsdatum', assessment.assessedOn],
    ['Samlad bedömning', verdict(assessment, 'sv').text],
  ]);
  cursor.paragraph(
    'Sammanställningen visar ansökan och hur sst-bidrag bedömer den enligt förordningen. Den är ett underlag inför ansökan hos Skolverket och är inte ett beslut. Beloppen är de högsta som kan lämnas.',
    { color: colors.muted, size: 9.5 },
  );

  cursor.heading('Huvudman', 2);
  cursor.fields([
    ['Namn', application.organiser.name],
    ['Organisationsnummer', application.organiser.orgNumber],
    ['Typ av huvudman', organiserTypeLabels.sv[application.organiser.type]],
  ]);

  const deciding = decidingEducations(application, assessment, { asOf: assessment.assessedOn, lang: 'sv' });
  application.teams.forEach((team, index) => {
    drawTeam(
      cursor,
      application,
      assessment,
      team,
      index,
      deciding.find((d) => d.team === index),
    );
  });
  drawFindings(cursor, application, assessment);
  drawAmounts(cursor, application, assessment);
  drawNextSteps(cursor, application, assessment);
  drawChecklist(cursor);
  drawSignatures(cursor, application);
}

function teamResult(assessment: Assessment, index: number): TeamResult | undefined {
  return assessment.teams[index];
}

function memberResult(result: TeamResult | undefined, member: Member, index: number): MemberResult | undefined {
  return result?.members.find((m) => m.id === member.id) ?? result?.members[index];
}

function drawTeam(cursor: Cursor, application: Application, assessment: Assessment, team: Team, index: number, deciding: DecidingEducation | undefined) {
  const result = teamResult(assessment, index);
  cursor.heading(`Team ${index + 1}: ${team.name}`, 2, 190); // with its facts and the start of its table
  const period = result?.period ?? team.period;
  cursor.fields([
    ['Skolformer', team.schoolForms.map((form) => schoolFormLabels.sv[form]).join(', ')],
    ['Kommun (socialtjänsten)', municipality(team.municipalityCode)],
    ['Period', period ? range(period.from, period.to) + (team.period ? '' : ' (hela bidragsperioden)') : 'Hela bidragsperioden'],
    ['Nytt eller befintligt team', team.status === 'new' ? 'Nytt team' : 'Befintligt team'],
    ['Tidigare beviljade årsarbetskrafter', fte(team.previouslyGrantedFte)],
    ['Uppdragsutbildning', team.contractEducation ? 'Ja, teamets arbete gäller uppdragsutbildning' : 'Nej'],
    ['Bedömning av teamet', result ? words.sv.labels.teamStatus[result.status] : '–'],
  ]);
  if (deciding) {
    const member = team.members.find((m) => m.id === deciding.member);
    cursor.paragraph(bothOutcomes(personLabel(member ?? { id: deciding.member }), deciding.upTo, 'sv'), { bold: true, size: 9.5 });
  }

  cursor.table(
    [
      { header: 'Person och roll', width: 72 },
      { header: 'Sida och form', width: 56 },
      { header: 'Tjänst-\ngrad', width: 36, align: 'right' },
      { header: 'Period', width: 54 },
      { header: 'Utbildning', width: 73.5 },
      { header: 'Ursprung', width: 52 },
      { header: 'Månadslön\nPO-pålägg', width: 52, align: 'right' },
      { header: 'Kostnad som ger bidrag', width: 54, align: 'right' },
      { header: 'Bidrag', width: 59, align: 'right' },
    ],
    team.members.map((member, m) => {
      const money = memberResult(result, member, m);
      return [
        member.role ? `${member.role}\n${member.id}` : member.id,
        `${text.side[member.side]}\n${memberLabels.sv.engagement[member.engagement]}`,
        fte(member.fte),
        `${member.start}–\n${member.end ?? 'tills vidare'}`,
        text.education[member.education],
        memberLabels.sv.origin[member.origin],
        `${kr(member.monthlySalary)}\n${percent(member.employerCostRate)}`,
        kr(money?.eligibleCost),
        { text: kr(money?.grant), bold: Boolean(money?.funded) },
      ];
    }),
    { size: 7.5, title: 'Personal i teamet' },
  );
  cursor.paragraph(
    'Kostnad och bidrag gäller teamets period. Bidrag i fetstil ingår i Skolverkets bidrag för teamet; övriga belopp i kolumnen ingår inte i det.',
    { size: 8.5, color: colors.muted },
  );
  const notes = team.members.filter((m) => m.educationNote);
  if (notes.length > 0) {
    cursor.heading('Om utbildningen', 3, 40);
    cursor.list(notes.map((m) => `${personLabel(m)}: ${m.educationNote}`));
  }
  if (result) drawStaffing(cursor, application, assessment, result, index);
}

const staffingRules = [
  { rule: 'school-staff-fte', label: 'skolpersonal' },
  { rule: 'social-services-fte', label: 'personal från socialtjänsten' },
  { rule: 'team-total-fte', label: 'teamet totalt' },
] as const;

/** Why a rule set has no priority tiers (its parameter's note), or undefined where it has them. */
function noTiers(ruleSet: RuleSet | undefined): string | undefined {
  return ruleSet && !ruleSet.priorityTiers.value ? (ruleSet.priorityTiers.note ?? 'urvalsordningen är inte bekräftad') : undefined;
}

function drawStaffing(cursor: Cursor, application: Application, assessment: Assessment, result: TeamResult, index: number) {
  const ruleSet = ruleSetFor(application.grantYear);
  const minimum = (value: string | undefined) => (value ? ` (krav ${fte(value)})` : '');
  const rows: Array<[string, string]> = [
    ['Lägst skolpersonal en dag', fte(result.fte.schoolMin) + minimum(ruleSet?.minSchoolFte.value)],
    ['Lägst från socialtjänsten en dag', fte(result.fte.socialServicesMin) + minimum(ruleSet?.minSocialServicesFte.value)],
    ['Lägst totalt en dag', fte(result.fte.totalMin) + minimum(ruleSet?.minTeamFte.value)],
  ];
  let met = true;
  for (const { rule, label } of staffingRules) {
    const found = assessment.findings.find((f) => f.rule === rule && f.scope === 'team' && f.team === index);
    if (found?.outcome !== 'pass') met = false;
    const below = found ? belowMinimum(found) : undefined;
    if (below) rows.push([`Under kravet, ${label}`, below]);
  }
  cursor.heading('Bemanning', 3, (rows.length + 5) * cursor.lineHeight(cursor.size) + 20);
  cursor.fields(rows);
  cursor.paragraph(
    met
      ? 'Bemanningen når kraven varje dag under perioden, räknat dag för dag för personal med godkänd utbildning och minst sex månaders anställning eller uppdrag.'
      : 'Tjänstgöringsgraden räknas dag för dag och bara för personal med godkänd utbildning och minst sex månaders anställning eller uppdrag. Se bedömningen regel för regel nedan.',
    { size: 9, color: colors.muted },
  );
  const requested = result.priorityShares.length
    ? result.priorityShares.map((s) => `grupp ${s.tier}, ${text.tier[s.tier] ?? ''} (${fte(s.fte)} årsarbetskrafter)`).join('; ')
    : noTiers(ruleSet)
      ? `Ingen prioritetsgrupp: ${noTiers(ruleSet)}`
      : 'Ingen prioritetsgrupp';
  cursor.fields([
    ['Sökt skolpersonal', `${fte(result.requestedFte)} årsarbetskrafter (högsta summa en dag)`],
    ['Prioritetsgrupp', requested],
  ]);
}

/** The date ranges below the minimum, from a staffing finding: all of them when known. */
function belowMinimum(finding: Finding): string | undefined {
  if (finding.fixData?.kind === 'raise_fte' && finding.fixData.ranges.length > 0) {
    return finding.fixData.ranges.map((r) => `${range(r.from, r.to)} (${fte(r.by)} saknas)`).join('; ');
  }
  const first = finding.details?.firstBelow as { from: string; to: string } | null | undefined;
  return first ? `första gången ${range(first.from, first.to)}` : undefined;
}

function drawFindings(cursor: Cursor, application: Application, assessment: Assessment) {
  cursor.heading('Bedömning regel för regel', 2, 110);
  cursor.paragraph('Varje villkor i förordningen med paragraf, utfall och vad som kan rättas.', { color: colors.muted, size: 9.5 });
  const where = (f: Finding) => {
    if (f.team === undefined) return 'Ansökan';
    const team = `Team ${f.team + 1}`;
    if (f.member === undefined) return team;
    const member = application.teams[f.team]?.members.find((m) => m.id === f.member);
    return `${team}, ${f.member}${member?.role ? ` (${member.role})` : ''}`;
  };
  cursor.table(
    [
      { header: 'Gäller', width: 17.5 },
      { header: 'Villkor och paragraf', width: 24 },
      { header: 'Utfall', width: 12.5 },
      { header: 'Bedömning', width: 46 },
    ],
    assessment.findings.map((f): Cell[] => [
      where(f),
      `${ruleTitle(f.rule, 'sv')}\n${f.citation}`,
      { text: text.outcome[f.outcome], bold: true, color: outcomeColor[f.outcome] },
      f.fix ? `${f.message}\nSå kan det rättas: ${f.fix}` : f.message,
    ]),
  );
}

function drawAmounts(cursor: Cursor, application: Application, assessment: Assessment) {
  cursor.heading('Belopp', 2);
  cursor.table(
    [
      { header: 'Team', width: 40 },
      { header: 'Kommun', width: 20 },
      { header: 'Kostnad som ger bidrag', width: 20, align: 'right' },
      { header: amount.grant, width: 20, align: 'right' },
    ],
    [
      ...assessment.teams.map((team, i) => [
        `Team ${i + 1}: ${application.teams[i]?.name ?? team.name}`,
        municipality(team.municipalityCode),
        kr(team.amounts.eligibleCost),
        kr(team.amounts.skolverketGrant),
      ]),
      [
        { text: 'Summa', bold: true },
        '',
        { text: kr(assessment.amounts.eligibleCost), bold: true },
        { text: kr(assessment.amounts.skolverketGrant), bold: true },
      ],
    ],
    { size: 9, title: 'Skolverkets bidrag per team' },
  );
  const parts = assessment.teams.map((t) => kr(t.amounts.skolverketGrant));
  cursor.paragraph(`Avstämning, teamens bidrag och summan: ${parts.join(' + ')} = ${kr(assessment.amounts.skolverketGrant)}`);
  // D18: money that depends on a review still open is never shown as settled.
  const pending = waitsForReview(assessment);
  if (pending) {
    const {
      settled: [settled],
      pending: [open],
    } = settledAndPending(assessment.amounts.byTeamStatus, ['skolverketGrant']);
    cursor.fields([
      [resultWords.sv.settled, kr(settled)],
      [resultWords.sv.pending, kr(open)],
    ]);
    cursor.paragraph(`Avstämning, klart och beror på en bedömning: ${kr(settled)} + ${kr(open)} = ${kr(assessment.amounts.skolverketGrant)}`, { bold: true });
  }

  const municipalities = assessment.amounts.municipalities;
  if (municipalities.length > 0) {
    cursor.heading('Kommunens motfinansiering från Socialstyrelsen', 3, 110);
    cursor.paragraph(
      'Kommunen vars socialtjänst deltar får rekvirera samma belopp som Skolverket beviljar för teamet, men får använda högst hälften av sin kostnad för personalen från socialtjänsten. Resten ska betalas tillbaka.',
      { size: 9.5, color: colors.muted },
    );
    cursor.table(
      [
        { header: 'Kommun', width: 31 },
        { header: amount.matched, width: 23, align: 'right' },
        { header: amount.usable, width: 23, align: 'right' },
        { header: amount.risk, width: 23, align: 'right' },
      ],
      municipalities.flatMap((m) => {
        const row = [municipality(m.municipalityCode), kr(m.matched), kr(m.matchedUsable), kr(m.repaymentRisk)];
        if (!pending) return [row];
        const parts = settledAndPending(m.byTeamStatus, ['matched', 'matchedUsable', 'repaymentRisk']);
        return [row, [`– ${resultWords.sv.settled}`, ...parts.settled.map(kr)], [`– ${resultWords.sv.pending}`, ...parts.pending.map(kr)]];
      }),
      { size: 9 },
    );
    for (const m of municipalities) {
      cursor.paragraph(
        `Avstämning för ${municipality(m.municipalityCode)}, del kommunen får använda + risk att betala tillbaka = Socialstyrelsens belopp: ${kr(m.matchedUsable)} + ${kr(m.repaymentRisk)} = ${kr(m.matched)}`,
      );
    }
    const matchedTotal = municipalities.reduce((sum, m) => sum + BigInt(m.matched), 0n).toString();
    cursor.paragraph(`Kommunernas motfinansiering sammanlagt: ${kr(matchedTotal)} (lika med Skolverkets bidrag, ${kr(assessment.amounts.skolverketGrant)}).`);
  }

  cursor.heading('Prioritet och förbehåll', 3, 50);
  const tiers = assessment.teams.map((team, i) => {
    const shares = team.priorityShares.map((s) => `grupp ${s.tier} (${text.tier[s.tier] ?? ''}, ${fte(s.fte)} årsarbetskrafter)`);
    return `Team ${i + 1}: ${shares.length ? list(shares) : 'ingen prioritetsgrupp'}`;
  });
  const why = noTiers(ruleSetFor(application.grantYear));
  if (why) tiers.push(`För bidragsår ${application.grantYear} visas ingen prioritetsgrupp: ${why}.`);
  cursor.list(tiers);
  cursor.paragraph(
    'Beloppen är högsta belopp, inte ett löfte om bidrag. Hur mycket som beviljas beror på hur mycket pengar som finns och på Skolverkets urval när ansökningarna är fler än pengarna räcker till.',
    { bold: true, size: 9.5 },
  );
  cursor.paragraph(assessment.amounts.notice, { size: 9.5 });
}

function drawNextSteps(cursor: Cursor, application: Application, assessment: Assessment) {
  const next = nextSteps(application, assessment.amounts.municipalities.length > 0, 'sv');
  cursor.heading(next.heading, 2);
  cursor.list([...next.steps, ...next.links.map((link) => `${link.label}: ${link.url}`)]);
  if (next.dates.length) {
    cursor.heading(next.datesHeading, 3, 50);
    cursor.list(next.dates.map((d) => `${d.name}: ${d.text}`));
  }
}

function drawChecklist(cursor: Cursor) {
  cursor.heading('Dokument att ha till hands', 2, 90);
  cursor.list(
    [
      'Överenskommelse med socialtjänsten i kommunen om teamets arbete',
      'Anställningsavtal och uppdragsavtal för personalen i teamet',
      'Examensbevis och intyg om utbildning i psykosocialt arbete',
      'Underlag för lönekostnaderna: månadslön, tjänstgöringsgrad och personalomkostnadspålägg',
    ],
    'box',
  );
}

function drawSignatures(cursor: Cursor, application: Application) {
  cursor.signatures(
    [
      { title: 'För huvudmannen', who: application.organiser.name },
      { title: 'För kommunens socialtjänst', who: list([...new Set(application.teams.map((t) => municipality(t.municipalityCode)))]) },
    ],
    'Underskrifter',
  );
}
