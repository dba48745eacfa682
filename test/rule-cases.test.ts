/**
 * Runs every rule's cases, kept as data beside the rule (rules/<rule>.cases.yaml). Each case
 * is an application sketch, an evaluation date and what the assessment must say. A case with
 * `decided` (Skolverket's decided grant per team) is a settlement (the year after the decision): the sketch is
 * the application as carried out, `applied` optionally the one applied for, and its findings
 * are the settlement's and its assessment's. The cases go through the same validation as the
 * API, so every case is a valid request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseApplication } from '../forms/application.ts';
import { parseSettlement } from '../forms/settlement.ts';
import { assess } from '../rules/assess.ts';
import { allRuleDefinitions } from '../rules/catalogue.ts';
import { settle } from '../rules/settlement.ts';
import type { Assessment, Finding, Lang, Settlement } from '../rules/types.ts';
import { buildApplication, findMismatch, type ApplicationSketch } from './application-builder.ts';

interface RuleCase {
  name: string;
  application?: ApplicationSketch;
  /** Skolverket's decided grant per team: makes the case a settlement. */
  decided?: Array<string | number>;
  /** The application as applied for, beside the carried-out one (D23). */
  applied?: ApplicationSketch;
  asOf?: string;
  lang?: Lang;
  expect: {
    /** The request is refused before any rule is applied (e.g. no_rule_set, no_settlement_rules). */
    error?: string;
    status?: string;
    findings?: Array<Partial<Finding> & { rule: string }>;
    /** Findings that must not be there (matched on the keys given). */
    absent?: Array<Partial<Finding> & { rule: string }>;
    teams?: unknown[];
    amounts?: unknown;
    /** What the settlement must say (teams, totals, municipalities, changes). */
    settlement?: unknown;
  };
}

const rulesDir = new URL('../rules/', import.meta.url);
const caseFiles = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.cases.yaml'))
  .sort();

type Evaluated = { assessment: Assessment; settlement?: Settlement };

function evaluateCase(c: RuleCase): Evaluated | undefined {
  const input = buildApplication(c.application);
  const lang = c.lang ?? 'sv';
  const asOf = c.asOf ?? `${(input as { grantYear: number }).grantYear}-01-01`;
  if (c.decided) {
    const request = {
      application: input,
      decision: { teams: c.decided.map((skolverketGrant) => ({ skolverketGrant })) },
      ...(c.applied ? { applied: buildApplication(c.applied) } : {}),
    };
    const parsed = parseSettlement(request, lang);
    if (c.expect.error) {
      assert.equal(parsed.ok ? 'settled' : parsed.body.error, c.expect.error);
      return undefined;
    }
    if (!parsed.ok) assert.fail(`the case's settlement is not valid: ${JSON.stringify(parsed.body)}`);
    const settlement = settle(parsed.input, { asOf, lang });
    return { assessment: settlement.assessment, settlement };
  }
  const parsed = parseApplication(input, lang);
  if (c.expect.error) {
    assert.equal(parsed.ok ? 'assessed' : parsed.body.error, c.expect.error);
    return undefined;
  }
  if (!parsed.ok) assert.fail(`the case's application is not valid: ${JSON.stringify(parsed.body)}`);
  return { assessment: assess(parsed.application, { asOf, lang }) };
}

function sameFinding(candidate: Finding, wanted: Partial<Finding> & { rule: string }): boolean {
  return (
    candidate.rule === wanted.rule &&
    (wanted.scope === undefined || candidate.scope === wanted.scope) &&
    (wanted.team === undefined || candidate.team === wanted.team) &&
    (wanted.member === undefined || candidate.member === wanted.member)
  );
}

const outcomesCovered = new Map<string, Set<string>>();

for (const file of caseFiles) {
  const cases = parse(readFileSync(new URL(file, rulesDir), 'utf8')) as RuleCase[];
  const ruleId = file.replace('.cases.yaml', '');
  describe(`${ruleId}`, () => {
    for (const c of cases) {
      test(c.name, () => {
        const evaluated = evaluateCase(c);
        if (!evaluated) return;
        const { assessment, settlement } = evaluated;
        const findings = [...(settlement?.findings ?? []), ...assessment.findings];
        const { expect } = c;
        if (expect.status) assert.equal(assessment.status, expect.status);
        for (const wanted of expect.findings ?? []) {
          const matches: Finding[] = findings.filter((f) => sameFinding(f, wanted));
          assert.equal(matches.length, 1, `exactly one finding ${JSON.stringify(wanted)}; found ${matches.length}`);
          const mismatch = findMismatch(matches[0], wanted);
          assert.equal(mismatch, undefined, `${mismatch}\n${JSON.stringify(matches[0], null, 1)}`);
          const covered = outcomesCovered.get(wanted.rule) ?? new Set();
          covered.add(matches[0].outcome);
          outcomesCovered.set(wanted.rule, covered);
        }
        for (const unwanted of expect.absent ?? []) {
          const matches: Finding[] = findings.filter((f) => sameFinding(f, unwanted) && !findMismatch(f, unwanted));
          assert.equal(matches.length, 0, `no finding ${JSON.stringify(unwanted)}`);
        }
        if (expect.teams) {
          const mismatch = findMismatch(assessment.teams, expect.teams, 'teams');
          assert.equal(mismatch, undefined, mismatch);
        }
        if (expect.amounts) {
          const mismatch = findMismatch(assessment.amounts, expect.amounts, 'amounts');
          assert.equal(mismatch, undefined, mismatch);
        }
        if (expect.settlement) {
          assert.ok(settlement, 'a settlement case names `decided`');
          const mismatch = findMismatch(settlement, expect.settlement, 'settlement');
          assert.equal(mismatch, undefined, mismatch);
        }
      });
    }
  });
}

describe('reglernas fall täcker varje utfall', () => {
  for (const rule of allRuleDefinitions.filter((r) => r.outcomes.length > 0)) {
    test(`${rule.id} har fall för ${rule.outcomes.join(', ')}`, () => {
      assert.ok(caseFiles.includes(`${rule.id}.cases.yaml`), `rules/${rule.id}.cases.yaml is missing`);
      const covered = outcomesCovered.get(rule.id) ?? new Set();
      for (const outcome of rule.outcomes) assert.ok(covered.has(outcome), `no case where ${rule.id} gives ${outcome}`);
    });
  }
});
