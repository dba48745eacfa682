/**
 * The engine runs what a rule set lists, through the registry: a new rule in a rule set's list
 * runs with its checks and its effects, and a list naming a rule the registry does not know
 * is refused when the rule sets are validated (at start-up for the real ones).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApplication } from '../forms/application.ts';
import { buildApplication } from '../test/application-builder.ts';
import { assess, assessUnder } from './assess.ts';
import { engineRules, registry, RuleRegistry, UnknownRuleError } from './registry.ts';
import { finding, type Rule } from './rule.ts';
import { ruleSetDefinitions, ruleSetFor } from './rule-sets.ts';
import type { Application } from './types.ts';

const fakeRule: Rule = {
  definition: {
    id: 'fake-rule',
    title: { sv: 'Påhittad regel', en: 'Made-up rule' },
    scope: 'member',
    citation: '99 §',
    outcomes: ['info'],
    summary: { sv: 'Bara för testet.', en: 'Only for the test.' },
  },
  // Effect: nobody in social services counts.
  counts: (member) => (member.side === 'social_services' ? 'no' : 'yes'),
  checkMember: (c) =>
    finding(fakeRule.definition, c.lang, { scope: 'member', team: c.facts.index, member: c.member.member.id }, 'info', {
      sv: `${c.member.member.id} sedd.`,
      en: `${c.member.member.id} seen.`,
    }),
};

function application(): Application {
  const parsed = parseApplication(buildApplication({ grantYear: 2026 }), 'sv');
  assert.ok(parsed.ok);
  return parsed.application;
}

test('en regel som läggs till i regeluppsättningens lista körs, med sin kontroll och sin effekt', () => {
  const ruleSet = ruleSetFor(2026)!;
  const withFake = { ...ruleSet, rules: [...ruleSet.rules, 'fake-rule'] };
  const before = assess(application(), { asOf: '2026-01-01' });
  const after = assessUnder(withFake, application(), { asOf: '2026-01-01' }, new RuleRegistry([...engineRules, fakeRule]));

  const seen = after.findings.filter((f) => f.rule === 'fake-rule');
  assert.deepEqual(
    seen.map((f) => f.member),
    application().teams[0].members.map((m) => m.id),
  );
  assert.equal(before.status, 'eligible');
  assert.equal(after.status, 'not_eligible', 'the effect: without social-services staff the team is short');
  assert.equal(
    before.findings.some((f) => f.rule === 'fake-rule'),
    false,
  );
});

test('en regeluppsättning som nämner en okänd regel stoppas vid valideringen', () => {
  const broken = { ...ruleSetDefinitions[1], rules: [...ruleSetDefinitions[1].rules, 'no-such-rule'] };
  assert.throws(
    () => registry.validate([broken]),
    (error) => error instanceof UnknownRuleError && error.ruleId === 'no-such-rule',
  );
  const brokenSettlement = { ...ruleSetDefinitions[1], settlementRules: ['settlement', 'no-such-rule'] };
  assert.throws(() => registry.validate([brokenSettlement]), UnknownRuleError);
  assert.throws(() => assessUnder({ ...ruleSetFor(2026)!, rules: ['no-such-rule'] }, application(), { asOf: '2026-01-01' }), UnknownRuleError);
});

test('varje regel som regeluppsättningarna nämner finns i registret, och ingen registreras två gånger', () => {
  assert.doesNotThrow(() => registry.validate(ruleSetDefinitions));
  assert.throws(() => new RuleRegistry([fakeRule, fakeRule]), /twice/);
});
