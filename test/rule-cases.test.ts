/**
 * Runs every rule's cases, kept as data beside the rule (rules/<rule>.cases.yaml). Each case
 * is an application sketch, an evaluation date and what the assessment must say. The cases
 * go through the same validation as the API, so every case is a valid request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseApplication } from '../forms/application.ts';
import { assess } from '../rules/assess.ts';
import { ruleCatalogue } from '../rules/catalogue.ts';
import type { Assessment, Finding, Lang } from '../rules/types.ts';
import { buildApplication, findMismatch, type ApplicationSketch } from './application-builder.ts';

interface RuleCase {
  name: string;
  application?: ApplicationSketch;
  asOf?: string;
  lang?: Lang;
  expect: {
    /** The request is refused before any rule is applied (e.g. no_rule_set). */
    error?: string;
    status?: string;
    findings?: Array<Partial<Finding> & { rule: string }>;
    /** Findings that must not be there (matched on the keys given). */
    absent?: Array<Partial<Finding> & { rule: string }>;
    teams?: unknown[];
    amounts?: unknown;
  };
}

const rulesDir = new URL('../rules/', import.meta.url);
const caseFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.cases.yaml')).sort();

function assessCase(c: RuleCase): Assessment | undefined {
  const input = buildApplication(c.application);
  const parsed = parseApplication(input, c.lang ?? 'sv');
  if (c.expect.error) {
    assert.equal(parsed.ok ? 'assessed' : parsed.body.error, c.expect.error);
    return undefined;
  }
  if (!parsed.ok) assert.fail(`the case's application is not valid: ${JSON.stringify(parsed.body)}`);
  const grantYear = (input as { grantYear: number }).grantYear;
  return assess(parsed.application, { asOf: c.asOf ?? `${grantYear}-01-01`, lang: c.lang ?? 'sv' });
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
        const assessment = assessCase(c);
        if (!assessment) return;
        const { expect } = c;
        if (expect.status) assert.equal(assessment.status, expect.status);
        for (const wanted of expect.findings ?? []) {
          const matches: Finding[] = assessment.findings.filter((f) => sameFinding(f, wanted));
          assert.equal(matches.length, 1, `exactly one finding ${JSON.stringify(wanted)}; found ${matches.length}`);
          const mismatch = findMismatch(matches[0], wanted);
          assert.equal(mismatch, undefined, `${mismatch}\n${JSON.stringify(matches[0], null, 1)}`);
          const covered = outcomesCovered.get(wanted.rule) ?? new Set();
          covered.add(matches[0].outcome);
          outcomesCovered.set(wanted.rule, covered);
        }
        for (const unwanted of expect.absent ?? []) {
          const matches: Finding[] = assessment.findings.filter((f) => sameFinding(f, unwanted) && !findMismatch(f, unwanted));
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
      });
    }
  });
}

describe('reglernas fall täcker varje utfall', () => {
  for (const rule of [...ruleCatalogue.findings, ...ruleCatalogue.calculations].filter((r) => r.outcomes.length > 0)) {
    test(`${rule.id} har fall för ${rule.outcomes.join(', ')}`, () => {
      assert.ok(caseFiles.includes(`${rule.id}.cases.yaml`), `rules/${rule.id}.cases.yaml is missing`);
      const covered = outcomesCovered.get(rule.id) ?? new Set();
      for (const outcome of rule.outcomes) assert.ok(covered.has(outcome), `no case where ${rule.id} gives ${outcome}`);
    });
  }
});
