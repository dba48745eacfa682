/**
 * The case book (docs/cases.md), generated from the rules' cases (rules/<rule>.cases.yaml):
 * every case with the inputs it states and what it expects, in the order the rule
 * documentation lists the rules. `npm run docs` writes it; a test fails when the committed
 * file differs from the cases.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { allRuleDefinitions } from '../../rules/catalogue.ts';

const rulesDir = new URL('../../rules/', import.meta.url);
export const caseBookFile = new URL('../../docs/cases.md', import.meta.url);

interface Case {
  name: string;
  application?: unknown;
  decided?: unknown;
  applied?: unknown;
  asOf?: string;
  lang?: string;
  expect: Record<string, unknown>;
}

/** The comment lines the cases file opens with: what the cases are about. */
function about(source: string): string[] {
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    if (!line.startsWith('#')) break;
    lines.push(line.replace(/^#\s?/, ''));
  }
  return lines;
}

function yamlBlock(value: Record<string, unknown>): string[] {
  const shown = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  return ['```yaml', stringify(shown, { lineWidth: 0, flowCollectionPadding: false }).trimEnd(), '```'];
}

function caseSection(c: Case): string[] {
  const { name, expect, ...inputs } = c;
  return [`#### ${name}`, '', 'Indata:', '', ...yamlBlock(inputs), '', 'Förväntat:', '', ...yamlBlock(expect), ''];
}

export function renderCaseBook(): string {
  const lines = [
    '# Fallboken',
    '',
    '<!-- Genererad från rules/*.cases.yaml med `npm run docs`. Ändra i fallen, inte här. -->',
    '',
    'Varje regel prövas med fall som körs som tester. Ett fall anger de uppgifter det handlar om och vad verktyget ska svara. Det ett fall inte anger får ett giltigt standardvärde som inte påverkar det som prövas: namn, id, roll, organisationsnummer, och för en person som bara anges med sin sida heltid hela året med godkänd utbildning, nytillsatt, anställd från 1 augusti året före bidragsåret tills vidare med 40 000 kr i månadslön. Utan datum för bedömningen gäller 1 januari bidragsåret.',
    '',
    "*The case book: every rule's cases with the inputs they state and what they expect. Whatever a case does not state gets a valid default that does not bear on what it tests.*",
    '',
  ];
  for (const rule of allRuleDefinitions) {
    const file = `${rule.id}.cases.yaml`;
    const source = readFileSync(new URL(file, rulesDir), 'utf8');
    lines.push(`## ${rule.id} — ${rule.citation}`, '', ...about(source), '', `Fallen: [rules/${file}](../rules/${file})`, '');
    for (const c of parse(source) as Case[]) lines.push(...caseSection(c));
  }
  return lines.join('\n');
}
