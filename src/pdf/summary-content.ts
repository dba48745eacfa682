/**
 * What the application summary PDF says, in its order and in Swedish (the layout is layout.ts):
 * the huvudman, each team with its facts, its members and its staffing day by day, every
 * finding with its paragraph, the amounts with their reconciliation (what is settled and what
 * waits for a review, D18), the kommun's motfinansiering, what happens next, the documents to
 * have at hand and signature lines.
 */
import { memberLabels } from '../../forms/member.ts';
import { organiserTypeLabels } from '../../forms/organiser.ts';
import { schoolFormLabels } from '../../forms/team.ts';
import type { RuleSet } from '../../rules/params/rule-set.ts';
import { ruleSetFor } from '../../rules/rule-sets.ts';
import type { Application, Assessment, Education, Finding, Member, MemberResult, Team, TeamResult } from '../../rules/types.ts';
import { type DecidingEducation, decidingEducations } from '../education-outcomes.ts';
import { nextSteps } from '../next-steps.ts';
import { bothOutcomes, personLabel, resultWords, ruleTitle, settledAndPending, verdict, waitsForReview } from '../result-words.ts';
import { words } from '../words/index.ts';
import { fte, kr, list, municipality, percent, range } from './format.ts';
import { BODY_LINE_HEIGHT, type Block, type Cell, colors } from './layout.ts';

export const SUMMARY_TITLE = 'Sammanställning av ansökan om statsbidrag för skolsociala team';

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

/** The document's blocks, in reading order. */
export function summaryContent(application: Application, assessment: Assessment): Block[] {
  const ruleSet = ruleSetFor(application.grantYear);
  const deciding = decidingEducations(application, assessment, { asOf: assessment.assessedOn, lang: 'sv' });
  return [
    { kind: 'heading', text: SUMMARY_TITLE.replace(' för skolsociala', '\nför skolsociala'), level: 1 },
    {
      kind: 'fields',
      rows: [
        ['Bidragsår', String(application.grantYear)],
        ['Regelverk', ruleSet?.wording ?? assessment.ruleSet.title],
        ['Bidragsperiod', range(assessment.ruleSet.period.from, assessment.ruleSet.period.to)],
        ['Bedömningsdatum', assessment.assessedOn],
        ['Samlad bedömning', verdict(assessment, 'sv').text],
      ],
    },
    {
      kind: 'paragraph',
      text: 'Sammanställningen visar ansökan och hur sst-bidrag bedömer den enligt förordningen. Den är ett underlag inför ansökan hos Skolverket och är inte ett beslut. Beloppen är de högsta som kan lämnas.',
      style: { color: colors.muted, size: 9.5 },
    },
    { kind: 'heading', text: 'Huvudman', level: 2 },
    {
      kind: 'fields',
      rows: [
        ['Namn', application.organiser.name],
        ['Organisationsnummer', application.organiser.orgNumber],
        ['Typ av huvudman', organiserTypeLabels.sv[application.organiser.type]],
      ],
    },
    ...application.teams.flatMap((team, index) =>
      teamBlocks(
        application,
        assessment,
        team,
        index,
        deciding.find((d) => d.team === index),
      ),
    ),
    ...findingsBlocks(application, assessment),
    ...amountsBlocks(application, assessment),
    ...nextStepsBlocks(application, assessment),
    { kind: 'heading', text: 'Dokument att ha till hands', level: 2, keep: 90 },
    {
      kind: 'list',
      items: [
        'Överenskommelse med socialtjänsten i kommunen om teamets arbete',
        'Anställningsavtal och uppdragsavtal för personalen i teamet',
        'Examensbevis och intyg om utbildning i psykosocialt arbete',
        'Underlag för lönekostnaderna: månadslön, tjänstgöringsgrad och personalomkostnadspålägg',
      ],
      marker: 'box',
    },
    {
      kind: 'signatures',
      heading: 'Underskrifter',
      parties: [
        { title: 'För huvudmannen', who: application.organiser.name },
        { title: 'För kommunens socialtjänst', who: list([...new Set(application.teams.map((t) => municipality(t.municipalityCode)))]) },
      ],
    },
  ];
}

function memberResult(result: TeamResult | undefined, member: Member, index: number): MemberResult | undefined {
  return result?.members.find((m) => m.id === member.id) ?? result?.members[index];
}

function teamBlocks(application: Application, assessment: Assessment, team: Team, index: number, deciding: DecidingEducation | undefined): Block[] {
  const result: TeamResult | undefined = assessment.teams[index];
  const period = result?.period ?? team.period;
  const blocks: Block[] = [
    { kind: 'heading', text: `Team ${index + 1}: ${team.name}`, level: 2, keep: 190 }, // with its facts and the start of its table
    {
      kind: 'fields',
      rows: [
        ['Skolformer', team.schoolForms.map((form) => schoolFormLabels.sv[form]).join(', ')],
        ['Kommun (socialtjänsten)', municipality(team.municipalityCode)],
        ['Period', period ? range(period.from, period.to) + (team.period ? '' : ' (hela bidragsperioden)') : 'Hela bidragsperioden'],
        ['Nytt eller befintligt team', team.status === 'new' ? 'Nytt team' : 'Befintligt team'],
        ['Tidigare beviljade årsarbetskrafter', fte(team.previouslyGrantedFte)],
        ['Uppdragsutbildning', team.contractEducation ? 'Ja, teamets arbete gäller uppdragsutbildning' : 'Nej'],
        ['Bedömning av teamet', result ? words.sv.labels.teamStatus[result.status] : '–'],
      ],
    },
  ];
  if (deciding) {
    const member = team.members.find((m) => m.id === deciding.member);
    blocks.push({
      kind: 'paragraph',
      text: bothOutcomes(personLabel(member ?? { id: deciding.member }), deciding.upTo, 'sv'),
      style: { bold: true, size: 9.5 },
    });
  }

  blocks.push(
    {
      kind: 'table',
      columns: [
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
      rows: team.members.map((member, m) => {
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
      size: 7.5,
      title: 'Personal i teamet',
    },
    {
      kind: 'paragraph',
      text: 'Kostnad och bidrag gäller teamets period. Bidrag i fetstil ingår i Skolverkets bidrag för teamet; övriga belopp i kolumnen ingår inte i det.',
      style: { size: 8.5, color: colors.muted },
    },
  );
  const notes = team.members.filter((m) => m.educationNote);
  if (notes.length > 0) {
    blocks.push(
      { kind: 'heading', text: 'Om utbildningen', level: 3, keep: 40 },
      { kind: 'list', items: notes.map((m) => `${personLabel(m)}: ${m.educationNote}`) },
    );
  }
  if (result) blocks.push(...staffingBlocks(application, assessment, result, index));
  return blocks;
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

function staffingBlocks(application: Application, assessment: Assessment, result: TeamResult, index: number): Block[] {
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
  const requested = result.priorityShares.length
    ? result.priorityShares.map((s) => `grupp ${s.tier}, ${text.tier[s.tier] ?? ''} (${fte(s.fte)} årsarbetskrafter)`).join('; ')
    : noTiers(ruleSet)
      ? `Ingen prioritetsgrupp: ${noTiers(ruleSet)}`
      : 'Ingen prioritetsgrupp';
  return [
    // Kept with its rows and the paragraph after them.
    { kind: 'heading', text: 'Bemanning', level: 3, keep: (rows.length + 5) * BODY_LINE_HEIGHT + 20 },
    { kind: 'fields', rows },
    {
      kind: 'paragraph',
      text: met
        ? 'Bemanningen når kraven varje dag under perioden, räknat dag för dag för personal med godkänd utbildning och minst sex månaders anställning eller uppdrag.'
        : 'Tjänstgöringsgraden räknas dag för dag och bara för personal med godkänd utbildning och minst sex månaders anställning eller uppdrag. Se bedömningen regel för regel nedan.',
      style: { size: 9, color: colors.muted },
    },
    {
      kind: 'fields',
      rows: [
        ['Sökt skolpersonal', `${fte(result.requestedFte)} årsarbetskrafter (högsta summa en dag)`],
        ['Prioritetsgrupp', requested],
      ],
    },
  ];
}

/** The date ranges below the minimum, from a staffing finding: all of them when known. */
function belowMinimum(finding: Finding): string | undefined {
  if (finding.fixData?.kind === 'raise_fte' && finding.fixData.ranges.length > 0) {
    return finding.fixData.ranges.map((r) => `${range(r.from, r.to)} (${fte(r.by)} saknas)`).join('; ');
  }
  const first = finding.details?.firstBelow as { from: string; to: string } | null | undefined;
  return first ? `första gången ${range(first.from, first.to)}` : undefined;
}

function findingsBlocks(application: Application, assessment: Assessment): Block[] {
  const where = (f: Finding) => {
    if (f.team === undefined) return 'Ansökan';
    const team = `Team ${f.team + 1}`;
    if (f.member === undefined) return team;
    const member = application.teams[f.team]?.members.find((m) => m.id === f.member);
    return `${team}, ${f.member}${member?.role ? ` (${member.role})` : ''}`;
  };
  return [
    { kind: 'heading', text: 'Bedömning regel för regel', level: 2, keep: 110 },
    { kind: 'paragraph', text: 'Varje villkor i förordningen med paragraf, utfall och vad som kan rättas.', style: { color: colors.muted, size: 9.5 } },
    {
      kind: 'table',
      columns: [
        { header: 'Gäller', width: 17.5 },
        { header: 'Villkor och paragraf', width: 24 },
        { header: 'Utfall', width: 12.5 },
        { header: 'Bedömning', width: 46 },
      ],
      rows: assessment.findings.map((f): Cell[] => [
        where(f),
        `${ruleTitle(f.rule, 'sv')}\n${f.citation}`,
        { text: text.outcome[f.outcome], bold: true, color: outcomeColor[f.outcome] },
        f.fix ? `${f.message}\nSå kan det rättas: ${f.fix}` : f.message,
      ]),
    },
  ];
}

function amountsBlocks(application: Application, assessment: Assessment): Block[] {
  const parts = assessment.teams.map((t) => kr(t.amounts.skolverketGrant));
  const blocks: Block[] = [
    { kind: 'heading', text: 'Belopp', level: 2 },
    {
      kind: 'table',
      columns: [
        { header: 'Team', width: 40 },
        { header: 'Kommun', width: 20 },
        { header: 'Kostnad som ger bidrag', width: 20, align: 'right' },
        { header: amount.grant, width: 20, align: 'right' },
      ],
      rows: [
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
      size: 9,
      title: 'Skolverkets bidrag per team',
    },
    { kind: 'paragraph', text: `Avstämning, teamens bidrag och summan: ${parts.join(' + ')} = ${kr(assessment.amounts.skolverketGrant)}` },
  ];
  // D18: money that depends on a review still open is never shown as settled.
  const pending = waitsForReview(assessment);
  if (pending) {
    const {
      settled: [settled],
      pending: [open],
    } = settledAndPending(assessment.amounts.byTeamStatus, ['skolverketGrant']);
    blocks.push(
      {
        kind: 'fields',
        rows: [
          [resultWords.sv.settled, kr(settled)],
          [resultWords.sv.pending, kr(open)],
        ],
      },
      {
        kind: 'paragraph',
        text: `Avstämning, klart och beror på en bedömning: ${kr(settled)} + ${kr(open)} = ${kr(assessment.amounts.skolverketGrant)}`,
        style: { bold: true },
      },
    );
  }

  const municipalities = assessment.amounts.municipalities;
  if (municipalities.length > 0) {
    const matchedTotal = municipalities.reduce((sum, m) => sum + BigInt(m.matched), 0n).toString();
    blocks.push(
      { kind: 'heading', text: 'Kommunens motfinansiering från Socialstyrelsen', level: 3, keep: 110 },
      {
        kind: 'paragraph',
        text: 'Kommunen vars socialtjänst deltar får rekvirera samma belopp som Skolverket beviljar för teamet, men får använda högst hälften av sin kostnad för personalen från socialtjänsten. Resten ska betalas tillbaka.',
        style: { size: 9.5, color: colors.muted },
      },
      {
        kind: 'table',
        columns: [
          { header: 'Kommun', width: 31 },
          { header: amount.matched, width: 23, align: 'right' },
          { header: amount.usable, width: 23, align: 'right' },
          { header: amount.risk, width: 23, align: 'right' },
        ],
        rows: municipalities.flatMap((m) => {
          const row = [municipality(m.municipalityCode), kr(m.matched), kr(m.matchedUsable), kr(m.repaymentRisk)];
          if (!pending) return [row];
          const parts = settledAndPending(m.byTeamStatus, ['matched', 'matchedUsable', 'repaymentRisk']);
          return [row, [`– ${resultWords.sv.settled}`, ...parts.settled.map(kr)], [`– ${resultWords.sv.pending}`, ...parts.pending.map(kr)]];
        }),
        size: 9,
      },
      ...municipalities.map(
        (m): Block => ({
          kind: 'paragraph',
          text: `Avstämning för ${municipality(m.municipalityCode)}, del kommunen får använda + risk att betala tillbaka = Socialstyrelsens belopp: ${kr(m.matchedUsable)} + ${kr(m.repaymentRisk)} = ${kr(m.matched)}`,
        }),
      ),
      {
        kind: 'paragraph',
        text: `Kommunernas motfinansiering sammanlagt: ${kr(matchedTotal)} (lika med Skolverkets bidrag, ${kr(assessment.amounts.skolverketGrant)}).`,
      },
    );
  }

  const tiers = assessment.teams.map((team, i) => {
    const shares = team.priorityShares.map((s) => `grupp ${s.tier} (${text.tier[s.tier] ?? ''}, ${fte(s.fte)} årsarbetskrafter)`);
    return `Team ${i + 1}: ${shares.length ? list(shares) : 'ingen prioritetsgrupp'}`;
  });
  const why = noTiers(ruleSetFor(application.grantYear));
  if (why) tiers.push(`För bidragsår ${application.grantYear} visas ingen prioritetsgrupp: ${why}.`);
  blocks.push(
    { kind: 'heading', text: 'Prioritet och förbehåll', level: 3, keep: 50 },
    { kind: 'list', items: tiers },
    {
      kind: 'paragraph',
      text: 'Beloppen är högsta belopp, inte ett löfte om bidrag. Hur mycket som beviljas beror på hur mycket pengar som finns och på Skolverkets urval när ansökningarna är fler än pengarna räcker till.',
      style: { bold: true, size: 9.5 },
    },
    { kind: 'paragraph', text: assessment.amounts.notice, style: { size: 9.5 } },
  );
  return blocks;
}

function nextStepsBlocks(application: Application, assessment: Assessment): Block[] {
  const next = nextSteps(application, assessment.amounts.municipalities.length > 0, 'sv');
  const blocks: Block[] = [
    { kind: 'heading', text: next.heading, level: 2 },
    { kind: 'list', items: [...next.steps, ...next.links.map((link) => `${link.label}: ${link.url}`)] },
  ];
  if (next.dates.length) {
    blocks.push({ kind: 'heading', text: next.datesHeading, level: 3, keep: 50 }, { kind: 'list', items: next.dates.map((d) => `${d.name}: ${d.text}`) });
  }
  return blocks;
}
