import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_MEMBERS } from './application.ts';
import type { DraftMember } from './draft-application.ts';
import type { RawMember } from './member-import.ts';
import { checkCarriedRows, planImport, type ImportChoice } from './member-import-form.ts';

/** A staff-list row as the preview carries it: its cells, with the choices already read into their codes. */
const row = (role: string, side: 'school' | 'social_services', fte = '1', monthlySalary = '42 000'): RawMember => ({
  role,
  side,
  engagement: 'employment',
  fte,
  start: '2026-01-01',
  education: side === 'school' ? 'psychosocial_degree' : 'socionomexamen',
  origin: 'new',
  monthlySalary,
  employerCostRate: '31,42 %',
});
const rows = (...raw: RawMember[]) => checkCarriedRows({ total: raw.length, encoding: 'utf-8', lines: raw.map((_, i) => i + 2), rows: raw }, 'sv');
const member = (id: string, role: string, side: 'school' | 'social_services'): DraftMember => {
  const [checked] = rows(row(role, side));
  assert.ok(checked.ok);
  return { id, ...checked.member };
};
const choice = (mode: ImportChoice['mode'], ticked: Partial<Omit<ImportChoice, 'mode'>> = {}): ImportChoice => ({
  mode,
  includeRow: new Set(),
  confirmRow: new Set(),
  ...ticked,
});

test('att lägga till: listans rader kommer efter teamets personer, som alla finns kvar', () => {
  const team = [member('p1', 'Skolkurator', 'school')];
  const plan = planImport(team, rows(row('Skolsocionom', 'social_services'), row('Specialpedagog', 'school')), choice('add'), 'sv');
  assert.deepEqual(
    plan.kept.map((m) => m.id),
    ['p1'],
  );
  assert.deepEqual(plan.removed, []);
  assert.deepEqual(
    plan.added.map((a) => a.member.role),
    ['Skolsocionom', 'Specialpedagog'],
  );
  assert.equal(plan.repeatsLeftOut, 0);
});

test('att lägga till: en rad som upprepar en person i teamet lämnas utanför, utom när rutan är kryssad', () => {
  const team = [member('p1', 'Skolkurator', 'school')];
  const list = rows(row('skolkurator ', 'school'), row('Skolsocionom', 'social_services'));
  const leftOut = planImport(team, list, choice('add'), 'sv');
  assert.deepEqual(
    leftOut.added.map((a) => a.member.role),
    ['Skolsocionom'],
  );
  assert.equal(leftOut.repeatsLeftOut, 1);
  const included = planImport(team, list, choice('add', { includeRow: new Set(['0']) }), 'sv');
  assert.equal(included.added.length, 2);
  assert.equal(included.repeatsLeftOut, 0);
});

test('att ersätta: bara personerna på listans sidor går, den andra sidan finns kvar', () => {
  const team = [member('p1', 'Skolkurator', 'school'), member('p2', 'Skolsocionom', 'social_services')];
  const plan = planImport(team, rows(row('Specialpedagog', 'school')), choice('replace'), 'sv');
  assert.deepEqual(
    plan.kept.map((m) => m.id),
    ['p2'],
  );
  assert.deepEqual(
    plan.removed.map((m) => m.id),
    ['p1'],
  );
  assert.deepEqual(
    plan.added.map((a) => a.member.role),
    ['Specialpedagog'],
  );
});

test('en rad med en fråga om ett ovanligt värde läggs till först när rutan är kryssad, med svaret sparat', () => {
  const list = rows(row('Skolkurator', 'school', '1', '9 000'));
  assert.equal(planImport([], list, choice('add'), 'sv').added.length, 0);
  const [added] = planImport([], list, choice('add', { confirmRow: new Set(['0']) }), 'sv').added;
  assert.ok(added.confirmed && Object.keys(added.confirmed).length > 0);
});

test('teamet rymmer högst MAX_MEMBERS personer: raderna efter det lämnas utanför; ogiltiga rader räknas inte', () => {
  const team = Array.from({ length: MAX_MEMBERS - 1 }, (_, i) => member(`p${i + 1}`, `Kurator ${i + 1}`, 'school'));
  const plan = planImport(team, rows(row('Ny 1', 'social_services'), { role: 'Trasig' }, row('Ny 2', 'social_services')), choice('add'), 'sv');
  assert.deepEqual(
    plan.added.map((a) => a.member.role),
    ['Ny 1'],
  );
  assert.equal(plan.kept.length + plan.added.length, MAX_MEMBERS);
});
