import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderRuleDocs, ruleDocsFile } from '../src/docs/rule-docs.ts';
import { ruleDefinition } from '../rules/catalogue.ts';
import { ruleSetDefinitions } from '../rules/rule-sets.ts';

test('docs/rules.md är genererad från regelfilerna och aktuell (kör npm run docs)', () => {
  assert.equal(readFileSync(ruleDocsFile, 'utf8'), renderRuleDocs());
});

test('varje regel som en regeluppsättning nämner finns som regelfil med paragraf', () => {
  for (const definition of ruleSetDefinitions) {
    for (const id of definition.rules) assert.ok(ruleDefinition(id).citation.includes('§'), id);
  }
});
