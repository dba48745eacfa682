/**
 * The rule documentation (docs/rules.md), generated from the rule files, their cases and the
 * rule sets, so the law is described once. `npm run docs` writes it; a test fails when the
 * committed file differs from what the code says.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ruleCatalogue } from '../../rules/catalogue.ts';
import { caseBookFile, renderCaseBook } from './case-book.ts';
import { decisions } from '../../rules/decisions.ts';
import type { Parameter, Window } from '../../rules/params/rule-set.ts';
import type { RuleDefinition } from '../../rules/rule.ts';
import { ruleSetDefinitions } from '../../rules/rule-sets.ts';

const rulesDir = new URL('../../rules/', import.meta.url);
export const ruleDocsFile = new URL('../../docs/rules.md', import.meta.url);
export const decisionsFile = new URL('../../docs/decisions.md', import.meta.url);

/** The file of each rule is rules/<id>.ts, except the settlement's notice (settlement.ts puts the settlement together). */
const ruleFiles: Record<string, string> = { settlement: 'settlement-notice' };
/** Beside this module: .ts from the sources (tests, docs), .js from the build (npm start), which keeps the comments. */
const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';

/** The decisions a rule's file names in its opening comment (D1 … D24), in number order. */
export function decisionsOf(ruleId: string): string[] {
  const source = readFileSync(new URL(`${ruleFiles[ruleId] ?? ruleId}.${extension}`, rulesDir), 'utf8');
  const opening = source.slice(0, source.indexOf('*/'));
  const numbers = new Set([...opening.matchAll(/\bD(\d{1,2})\b/g)].map((m) => Number(m[1])));
  return [...numbers].sort((a, b) => a - b).map((n) => `D${n}`);
}

const decisionLink = (id: string, file: string) => `[${id}](${file}#${id.toLowerCase()})`;

/** The decisions, each under an anchor of its own (#d1 … #d24). */
function decisionList(): string[] {
  return decisions.flatMap((d) => [`<a id="${d.id.toLowerCase()}"></a>`, '', `**${d.id}. ${d.title}.** ${d.text}`, '']);
}

/** docs/decisions.md: the readings the product adopts, numbered, linked from the rule files. */
export function renderDecisions(): string {
  return [
    '# Tolkningar som verktyget gör',
    '',
    '<!-- Genererad från rules/decisions.ts med `npm run docs`. Ändra där, inte här. -->',
    '',
    'Där förordningen eller myndigheternas vägledning lämnar ett val säger besluten nedan hur verktyget läser dem. Regelfilerna i `rules/` hänvisar hit med numret, och [reglerna](rules.md) visar vilka beslut varje regel vilar på.',
    '',
    "*The readings the tool adopts where the ordinance or the agencies' guidance leaves a choice, numbered and linked from the rule files.*",
    '',
    ...decisionList(),
  ].join('\n');
}

const outcomeNames: Record<string, string> = {
  pass: 'uppfyllt',
  fail: 'inte uppfyllt',
  warn: 'uppfyllt med varning',
  review: 'behöver bedömas',
  info: 'information',
};

function caseNames(ruleId: string): string[] {
  try {
    const cases = parse(readFileSync(new URL(`${ruleId}.cases.yaml`, rulesDir), 'utf8')) as Array<{ name: string }>;
    return cases.map((c) => c.name);
  } catch {
    return [];
  }
}

function section(rule: RuleDefinition): string {
  const lines = [`### ${rule.id} — ${rule.citation}`, '', rule.summary.sv, '', `*${rule.summary.en}*`, ''];
  if (rule.outcomes.length) lines.push(`Utfall: ${rule.outcomes.map((o) => `\`${o}\` (${outcomeNames[o]})`).join(', ')}.`, '');
  if (rule.guidance) lines.push('Bygger delvis på myndighetens vägledning, inte bara förordningens ordalydelse.', '');
  const used = decisionsOf(rule.id);
  if (used.length) lines.push(`Tolkningar: ${used.map((id) => decisionLink(id, 'decisions.md')).join(', ')}.`, '');
  const names = caseNames(rule.id);
  if (names.length) {
    lines.push(`Prövade fall ([rules/${rule.id}.cases.yaml](../rules/${rule.id}.cases.yaml)):`, '');
    for (const name of names) lines.push(`- ${name}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Words for the parameters whose values are codes. */
const valueWords: Record<string, string> = {
  true: 'ja',
  false: 'nej',
  all: 'ja',
  none: 'nej',
  not_independent: 'ja, utom för en enskild huvudman',
};

function value(parameter: Parameter<unknown> | undefined): string {
  if (!parameter) return 'inte känd';
  const v = parameter.value;
  const shown =
    String(v) in valueWords
      ? valueWords[String(v)]
      : typeof v === 'object' && v !== null && 'from' in v && 'to' in v
        ? `${(v as { from: string }).from} – ${(v as { to: string }).to}`
        : typeof v === 'string' && /^\d{4,}$/.test(v)
          ? `${v.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`
          : String(v);
  const note = parameter.note ? ` (${parameter.note})` : '';
  return `${shown}${note} [${parameter.source.confidence}](${parameter.source.url})`;
}

/** A window with the day its source was checked, "preliminär" where it is an estimate. */
function window(parameter: Window | undefined): string {
  if (!parameter) return 'inte känd';
  return `${parameter.preliminary ? 'preliminär: ' : ''}${value(parameter)}, kontrollerad ${parameter.checked}`;
}

function parameterTables(): string {
  const lines: string[] = [];
  for (const definition of ruleSetDefinitions) {
    lines.push(`### ${definition.id}: ${definition.title.sv}`, '');
    lines.push('| Parameter | Värde |', '|---|---|');
    lines.push(`| Bidragets andel av kostnaden | ${value(definition.grantShare)} |`);
    lines.push(`| Minst skolpersonal (årsarbetskrafter) | ${value(definition.minSchoolFte)} |`);
    lines.push(`| Minst personal från socialtjänsten | ${value(definition.minSocialServicesFte)} |`);
    lines.push(`| Minst i teamet totalt | ${value(definition.minTeamFte)} |`);
    lines.push(`| Kortaste anställning eller uppdrag (månader) | ${value(definition.minEngagementMonths)} |`);
    lines.push(`| Skolverket finansierar socialtjänstens personal | ${value(definition.skolverketFundsSocialServices)} |`);
    lines.push(`| Prioritetsgrupper enligt 8 § | ${value(definition.priorityTiers)} |`);
    lines.push(
      `| Senast kända efterfrågan | ${definition.knownDemand ? `${definition.knownDemand.note} [${definition.knownDemand.source.confidence}](${definition.knownDemand.source.url})` : 'inte känd'} |`,
    );
    lines.push(`| Regler | ${definition.rules.map((r) => `\`${r}\``).join(', ')} |`);
    lines.push(
      `| Regler för redovisningen efter året | ${definition.settlementRules ? definition.settlementRules.map((r) => `\`${r}\``).join(', ') : 'ingen redovisning i verktyget'} |`,
      '',
    );
    lines.push(
      '| Bidragsår | Bidragsperiod | Ansökningsperiod | Rekvisition (Socialstyrelsen) | Redovisning (Skolverket) | Skolverkets anslag | Socialstyrelsens anslag |',
      '|---|---|---|---|---|---|---|',
    );
    for (const [year, p] of Object.entries(definition.years)) {
      lines.push(
        `| ${year} | ${value(p.grantPeriod)} | ${window(p.applicationWindow)} | ${window(p.requisitionWindow)} | ${window(p.reportingWindow)} | ${value(p.skolverketAppropriation)} | ${p.socialstyrelsenAppropriation ? value(p.socialstyrelsenAppropriation) : '–'} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderRuleDocs(): string {
  return [
    '# Reglerna som verktyget tillämpar',
    '',
    '<!-- Genererad från rules/ med `npm run docs`. Ändra i regelfilerna, inte här. -->',
    '',
    'Förordning (2023:179) om statsbidrag för personalkostnader för skolsociala team, i den ursprungliga lydelsen (bidragsår 2023) och i lydelsen enligt SFS 2023:946 (bidragsår 2024–2028). Varje regel nedan är en fil i `rules/` med sin paragraf, och varje regel har fall som körs som tester. Källhänvisningarnas märkning: P = primärkälla (förordningen, myndighetens egen sida), G = regeringens pressmeddelande, S = sekundär sammanfattning (visas som myndighetens vägledning, inte som förordningens ord).',
    '',
    '*The rules the tool applies, each with its paragraph, in Swedish with English in italics. Every rule is a file in `rules/` and its cases run as tests.*',
    '',
    '## Villkor som ger ett utfall',
    '',
    ...ruleCatalogue.findings.map(section),
    '## Status och belopp',
    '',
    ...ruleCatalogue.calculations.map(section),
    '## Redovisning efter året',
    '',
    'Från bidragsår 2024: Skolverkets beslut per team jämförs med det som faktiskt blev. Alla belopp är verktygets uppskattning; myndigheterna beslutar.',
    '',
    "*The report after the year, from grant year 2024: Skolverket's decision per team against what actually happened. Every amount is the tool's estimate; the agencies decide.*",
    '',
    ...ruleCatalogue.settlement.map(section),
    '## Tolkningar',
    '',
    'Besluten finns också i [decisions.md](decisions.md).',
    '',
    ...decisionList(),
    '## Parametrar per regeluppsättning',
    '',
    parameterTables(),
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  writeFileSync(ruleDocsFile, renderRuleDocs());
  writeFileSync(decisionsFile, renderDecisions());
  writeFileSync(caseBookFile, renderCaseBook());
}
