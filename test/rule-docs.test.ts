import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionsFile, decisionsOf, renderDecisions, renderRuleDocs, ruleDocsFile } from '../src/docs/rule-docs.ts';
import { caseBookFile, renderCaseBook } from '../src/docs/case-book.ts';
import { allRuleDefinitions, ruleDefinition } from '../rules/catalogue.ts';
import { decisions } from '../rules/decisions.ts';
import { engineRules } from '../rules/registry.ts';
import { ruleSetDefinitions } from '../rules/rule-sets.ts';

test('docs/rules.md är genererad från regelfilerna och aktuell (kör npm run docs)', () => {
  assert.equal(readFileSync(ruleDocsFile, 'utf8'), renderRuleDocs());
});

test('varje regel som en regeluppsättning nämner finns som regelfil med paragraf', () => {
  for (const definition of ruleSetDefinitions) {
    for (const id of definition.rules) assert.ok(ruleDefinition(id).citation.includes('§'), id);
  }
});

test('varje regel i registret är dokumenterad, eftersom en regeluppsättning nämner den', () => {
  // The catalogue reads the rules from the rule sets' lists: a registered rule none names would neither run nor be documented.
  const documented = allRuleDefinitions.map((r) => r.id);
  for (const rule of engineRules) assert.ok(documented.includes(rule.definition.id), `${rule.definition.id} is named by no rule set`);
});

test('docs/decisions.md är genererad från rules/decisions.ts och aktuell (kör npm run docs)', () => {
  assert.equal(readFileSync(decisionsFile, 'utf8'), renderDecisions());
});

test('besluten är D1–D24 i ordning, och varje beslut en regel nämner finns', () => {
  assert.deepEqual(
    decisions.map((d) => d.id),
    Array.from({ length: 24 }, (_, i) => `D${i + 1}`),
  );
  const known = new Set(decisions.map((d) => d.id));
  for (const rule of allRuleDefinitions) {
    for (const id of decisionsOf(rule.id)) assert.ok(known.has(id), `${rule.id} names ${id}`);
  }
});

test('docs/cases.md är genererad från reglernas fall och aktuell (kör npm run docs)', () => {
  const book = readFileSync(caseBookFile, 'utf8');
  assert.equal(book, renderCaseBook());
  for (const rule of allRuleDefinitions) {
    assert.ok(book.includes(`## ${rule.id} — `), rule.id);
  }
});
