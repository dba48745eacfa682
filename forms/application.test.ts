import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseApplication } from './application.ts';
import type { ParseResult } from './application.ts';
import { messages } from './application-messages.ts';
import { isMunicipalityCode, municipalities, municipalityName } from './municipalities.ts';
import { isValidOrgNumber, normaliseOrgNumber, orgNumberProblem } from './org-number.ts';
import type { Lang } from '../rules/types.ts';

// Test inputs are untyped JSON, as the API receives them.
// biome-ignore lint/suspicious/noExplicitAny: the tests walk and mutate parsed JSON freely
type Json = any;

function member(changes: Json = {}): Json {
  return {
    id: 'm1',
    side: 'school',
    role: 'Skolkurator',
    engagement: 'employment',
    fte: '1.00',
    start: '2025-08-15',
    end: null,
    education: 'psychosocial_degree',
    educationNote: 'Socionomexamen 2014',
    origin: 'new',
    monthlySalary: '42000',
    employerCostRate: '0.3142',
    otherFundingShare: '0',
    ...changes,
  };
}

function team(changes: Json = {}): Json {
  return {
    name: 'Skolsocialt team Norr',
    schoolForms: ['grundskola'],
    municipalityCode: '0180',
    period: { from: '2026-01-01', to: '2026-12-31' },
    status: 'new',
    previouslyGrantedFte: '0',
    contractEducation: false,
    members: [member()],
    ...changes,
  };
}

/** The example application from the API description, with `changes` at the top level. */
function application(changes: Json = {}): Json {
  return {
    grantYear: 2026,
    organiser: { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' },
    teams: [team()],
    ...changes,
  };
}

/** The example with the first member changed. */
const withMember = (changes: Json) => application({ teams: [team({ members: [member(changes)] })] });
const withTeam = (changes: Json) => application({ teams: [team(changes)] });
const withOrganiser = (changes: Json) => application({ organiser: { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal', ...changes } });

function accepted(input: Json) {
  const result = parseApplication(input, 'sv');
  assert.ok(result.ok, `expected the application to pass, got ${JSON.stringify(result)}`);
  return result.application;
}

/** The problems of a rejected application, path → message. */
function problems(input: Json, lang: Lang = 'sv'): Record<string, string> {
  const result = parseApplication(input, lang);
  assert.ok(!result.ok && result.status === 400, `expected a 400, got ${JSON.stringify(result)}`);
  return Object.fromEntries(result.body.issues.map(({ path, message }) => [path, message]));
}

function rejectedAt(input: Json, path: string): string {
  const found = problems(input);
  assert.deepEqual(Object.keys(found), [path]);
  return found[path];
}

const fteMessage = messages['member.fte'].sv;

test('en komplett ansökan godtas och får alla standardvärden', () => {
  const result = parseApplication(application(), 'sv');
  assert.ok(result.ok);
  assert.equal(result.ruleSet.grantYear, 2026);
  assert.equal(result.application.teams[0].members[0].fte, '1.00');

  const minimal = accepted({
    grantYear: '2026',
    organiser: { name: '  Exempla kommun ', orgNumber: '2120000142', type: 'municipal', extra: 'ignored' },
    teams: [
      {
        name: 'Team',
        schoolForms: ['grundskola'],
        municipalityCode: '0180',
        members: [
          { id: 'm1', side: 'school', engagement: 'employment', fte: 1, start: '2025-08-15', education: 'none', origin: 'new', monthlySalary: ' 42000 ' },
        ],
      },
    ],
    comment: 'unknown keys are dropped',
  });
  assert.deepEqual(minimal, {
    grantYear: 2026,
    organiser: { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' },
    teams: [
      {
        name: 'Team',
        schoolForms: ['grundskola'],
        municipalityCode: '0180',
        period: null,
        status: 'new',
        previouslyGrantedFte: '0.00',
        contractEducation: false,
        members: [
          {
            id: 'm1',
            side: 'school',
            role: '',
            engagement: 'employment',
            fte: '1.00',
            start: '2025-08-15',
            end: null,
            education: 'none',
            educationNote: '',
            origin: 'new',
            monthlySalary: '42000',
            employerCostRate: '0',
            otherFundingShare: '0',
          },
        ],
      },
    ],
  });
});

test('decimaler skrivs om till normaliserade strängar', () => {
  const { teams } = accepted(
    application({
      teams: [
        team({
          previouslyGrantedFte: 2.5,
          members: [member({ fte: 0.5, monthlySalary: 42000.5, employerCostRate: '0.31420', otherFundingShare: 0.25 })],
        }),
      ],
    }),
  );
  assert.equal(teams[0].previouslyGrantedFte, '2.50');
  assert.deepEqual(
    [teams[0].members[0].fte, teams[0].members[0].monthlySalary, teams[0].members[0].employerCostRate, teams[0].members[0].otherFundingShare],
    ['0.50', '42000.5', '0.3142', '0.25'],
  );
});

test('organisationsnumrets kontrollsiffra kontrolleras', () => {
  assert.ok(isValidOrgNumber('212000-0142'));
  assert.ok(isValidOrgNumber('5560125790'));
  assert.equal(orgNumberProblem('212000-0143'), 'checkDigit');
  assert.equal(orgNumberProblem('21200-00142'), 'format');
  assert.equal(normaliseOrgNumber(' 2120000142 '), '212000-0142');
  assert.throws(() => normaliseOrgNumber('abc'), RangeError);

  assert.equal(accepted(withOrganiser({ orgNumber: '5560125790' })).organiser.orgNumber, '556012-5790');
  const wrongDigit = rejectedAt(withOrganiser({ orgNumber: '212000-0143' }), 'organiser.orgNumber');
  assert.match(wrongDigit, /kontrollsiffra/);
  for (const orgNumber of ['21200-0142', '212000+0142', '212000-01423', 'abc', '', 2120000142]) {
    assert.equal(rejectedAt(withOrganiser({ orgNumber }), 'organiser.orgNumber'), messages['organiser.orgNumber'].sv, String(orgNumber));
  }
});

test('varje uppräknat fält godtar sina värden och inget annat', () => {
  const cases: Array<{ path: string; values: string[]; input: (value: string) => Json }> = [
    { path: 'organiser.type', values: ['municipal', 'independent', 'region', 'municipal_association'], input: (type) => withOrganiser({ type }) },
    {
      path: 'teams.0.schoolForms.0',
      values: ['grundskola', 'gymnasieskola', 'anpassad_grundskola', 'anpassad_gymnasieskola', 'forskoleklass', 'specialskola', 'sameskola'],
      input: (form) => withTeam({ schoolForms: [form] }),
    },
    { path: 'teams.0.status', values: ['new', 'existing'], input: (status) => withTeam({ status }) },
    { path: 'teams.0.members.0.side', values: ['school', 'social_services'], input: (side) => withMember({ side, education: 'none' }) },
    { path: 'teams.0.members.0.engagement', values: ['employment', 'assignment'], input: (engagement) => withMember({ engagement }) },
    {
      path: 'teams.0.members.0.education',
      values: ['psychosocial_degree', 'psychosocial_training', 'socionomexamen', 'other_relevant_degree', 'none', 'unknown'],
      input: (education) => withMember({ education, side: ['socionomexamen', 'other_relevant_degree'].includes(education) ? 'social_services' : 'school' }),
    },
    { path: 'teams.0.members.0.origin', values: ['new', 'previously_funded', 'redistributed'], input: (origin) => withMember({ origin }) },
  ];
  for (const { path, values, input } of cases) {
    for (const value of values) accepted(input(value));
    for (const wrong of ['other', 'Grundskola', '']) rejectedAt(input(wrong), path);
  }
});

test('tjänstgöringsgraden ska vara större än 0, högst 1 och ha högst två decimaler', () => {
  assert.equal(accepted(withMember({ fte: '0.01' })).teams[0].members[0].fte, '0.01');
  assert.equal(accepted(withMember({ fte: 1 })).teams[0].members[0].fte, '1.00');
  for (const fte of [0, '0', '1.01', 1.01, '0.555', '0,5', '', 'abc', '1e-1', '-0.5', null, true]) {
    const message = rejectedAt(withMember({ fte }), 'teams.0.members.0.fte');
    assert.ok(message.endsWith(fteMessage), `${JSON.stringify(fte)}: ${message}`);
  }
});

test('månadslönen är kronor från 0 till 10 000 000 med högst två decimaler, som tal eller sträng', () => {
  assert.equal(accepted(withMember({ monthlySalary: 42000 })).teams[0].members[0].monthlySalary, '42000');
  assert.equal(accepted(withMember({ monthlySalary: '42000.50' })).teams[0].members[0].monthlySalary, '42000.5');
  assert.equal(accepted(withMember({ monthlySalary: 10000000 })).teams[0].members[0].monthlySalary, '10000000');
  for (const monthlySalary of [-1, '-1', '100.005', 100.005, 10000000.01, '1e3', 1e21, '', 'abc', ' ']) {
    rejectedAt(withMember({ monthlySalary }), 'teams.0.members.0.monthlySalary');
  }
});

test('andelar är 0–1 med högst sex decimaler', () => {
  assert.equal(accepted(withMember({ otherFundingShare: '0.123456' })).teams[0].members[0].otherFundingShare, '0.123456');
  rejectedAt(withMember({ otherFundingShare: '0.1234567' }), 'teams.0.members.0.otherFundingShare');
  rejectedAt(withMember({ employerCostRate: 1.5 }), 'teams.0.members.0.employerCostRate');
  rejectedAt(withTeam({ previouslyGrantedFte: 101 }), 'teams.0.previouslyGrantedFte');
});

test('datum ska finnas i kalendern och slutdatum får inte ligga före startdatum', () => {
  accepted(withMember({ start: '2024-02-29' }));
  for (const start of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-01', '15/08/2025', 20250815]) {
    rejectedAt(withMember({ start }), 'teams.0.members.0.start');
  }
  assert.equal(accepted(withMember({ end: null })).teams[0].members[0].end, null);
  assert.equal(accepted(withMember({ end: '2025-08-15' })).teams[0].members[0].end, '2025-08-15');
  const { end, ...withoutEnd } = member();
  assert.equal(accepted(application({ teams: [team({ members: [withoutEnd] })] })).teams[0].members[0].end, null);
  assert.equal(rejectedAt(withMember({ end: '2025-08-14' }), 'teams.0.members.0.end'), messages['member.end.beforeStart'].sv);
  assert.equal(rejectedAt(withTeam({ period: { from: '2026-06-01', to: '2026-05-31' } }), 'teams.0.period.to'), messages['team.period.order'].sv);
});

test('utbildningen ska passa den sida medlemmen arbetar för', () => {
  const school = rejectedAt(withMember({ side: 'school', education: 'socionomexamen' }), 'teams.0.members.0.education');
  assert.match(school, /psychosocial_degree, psychosocial_training, none eller unknown/);
  const socialServices = rejectedAt(withMember({ side: 'social_services', education: 'psychosocial_training' }), 'teams.0.members.0.education');
  assert.match(socialServices, /socionomexamen, other_relevant_degree, none eller unknown/);
  accepted(withMember({ side: 'social_services', education: 'other_relevant_degree' }));
});

test('samma medlems-id får inte förekomma två gånger, inte ens i olika team', () => {
  const twoTeams = application({ teams: [team(), team({ members: [member({ id: 'm2' }), member({ id: ' m1 ' })] })] });
  assert.equal(rejectedAt(twoTeams, 'teams.1.members.1.id'), messages['member.id.duplicate'].sv);
  accepted(application({ teams: [team(), team({ members: [member({ id: 'm2' })] })] }));
});

test('samma skolform får inte anges två gånger', () => {
  rejectedAt(withTeam({ schoolForms: ['grundskola', 'sameskola', 'grundskola'] }), 'teams.0.schoolForms.2');
  rejectedAt(withTeam({ schoolForms: [] }), 'teams.0.schoolForms');
});

test('en ansökan har 1–20 team och varje team 1–50 medlemmar', () => {
  const teams = (n: number) => Array.from({ length: n }, (_, t) => team({ members: [member({ id: `t${t}` })] }));
  const members = (n: number) => Array.from({ length: n }, (_, m) => member({ id: `m${m}` }));
  accepted(application({ teams: teams(20) }));
  accepted(withTeam({ members: members(50) }));
  assert.equal(rejectedAt(application({ teams: teams(0) }), 'teams'), messages.teams.sv);
  assert.equal(rejectedAt(application({ teams: teams(21) }), 'teams'), messages.teams.sv);
  rejectedAt(withTeam({ members: [] }), 'teams.0.members');
  rejectedAt(withTeam({ members: members(51) }), 'teams.0.members');
});

test('teamets period ska ligga inom bidragsperioden', () => {
  const message2026 = rejectedAt(withTeam({ period: { from: '2025-12-01', to: '2026-06-30' } }), 'teams.0.period');
  assert.match(message2026, /2026-01-01–2026-12-31/);

  const in2023 = (period: Json) => application({ grantYear: 2023, teams: [team({ period })] });
  assert.match(rejectedAt(in2023({ from: '2023-01-01', to: '2023-06-30' }), 'teams.0.period'), /2023-05-10–2023-12-31/);
  accepted(in2023({ from: '2023-05-10', to: '2023-12-31' }));
  accepted(in2023(null));
});

test('en okänd kommunkod avvisas', () => {
  for (const municipalityCode of ['0000', '9999', '180', 180, 'Stockholm']) {
    rejectedAt(withTeam({ municipalityCode }), 'teams.0.municipalityCode');
  }
  accepted(withTeam({ municipalityCode: '2584' }));
});

test('bidragsår utan regler ger 422 med de kända åren', () => {
  const result = parseApplication(application({ grantYear: 2031, teams: [team({ period: null })] }), 'sv');
  assert.deepEqual(result, {
    ok: false,
    status: 422,
    body: {
      error: 'no_rule_set',
      grantYear: 2031,
      knownYears: [2023, 2024, 2025, 2026, 2027, 2028],
      message: 'Det finns inga regler för bidragsår 2031. Verktyget känner till bidragsåren 2023–2028.',
    },
  } satisfies ParseResult);
  const english = parseApplication(application({ grantYear: '2031' }), 'en');
  assert.ok(!english.ok && english.status === 422);
  assert.equal(english.body.message, 'There are no rules for grant year 2031. The tool knows the grant years 2023–2028.');
});

test('bidragsår utan regler och ett annat fel ger 400 med båda', () => {
  const found = problems(application({ grantYear: 2031, organiser: { name: 'Exempla kommun', orgNumber: '212000-0143', type: 'municipal' } }));
  assert.deepEqual(Object.keys(found), ['grantYear', 'organiser.orgNumber']);
  assert.match(found.grantYear, /inga regler för bidragsår 2031/);
});

test('bidragsåret är ett heltal 1900–2100, som tal eller fyra siffror', () => {
  assert.equal(accepted(application({ grantYear: ' 2026 ' })).grantYear, 2026);
  for (const grantYear of [2026.5, '26', 1899, 2101, '2026a', null, true, [2026]]) rejectedAt(application({ grantYear }), 'grantYear');
});

test('alla fel rapporteras på en gång med rätt sökväg', () => {
  const input = application({
    organiser: { name: ' ', orgNumber: '212000-0142', type: 'kommun' },
    teams: [
      team({ municipalityCode: '0000', members: [member({ fte: '1.5' }), member({ id: 'm2', fte: null, start: '2026-02-30', education: 'socionomexamen' })] }),
      team({ status: 'old', members: [member({ id: 'm2', monthlySalary: -1 })] }),
    ],
  });
  assert.deepEqual(Object.keys(problems(input)).sort(), [
    'organiser.name',
    'organiser.type',
    'teams.0.members.0.fte',
    'teams.0.members.1.education',
    'teams.0.members.1.fte',
    'teams.0.members.1.start',
    'teams.0.municipalityCode',
    'teams.1.members.0.id',
    'teams.1.members.0.monthlySalary',
    'teams.1.status',
  ]);
});

test('ett fält som saknas sägs saknas', () => {
  const { fte, ...withoutFte } = member();
  const found = problems(application({ teams: [team({ members: [withoutFte] })] }));
  assert.equal(found['teams.0.members.0.fte'], `Tjänstgöringsgraden saknas. ${fteMessage}`);
  assert.match(problems(application({ organiser: undefined })).organiser, /^Huvudmannen saknas\. Ange/);
});

test('meddelanden på engelska när språket är en', () => {
  const found = problems(withMember({ fte: '0,5' }), 'en');
  assert.equal(found['teams.0.members.0.fte'], 'Enter the fte as a number above 0 and at most 1, with at most two decimals, for example 0.5.');
  assert.equal(problems(null, 'en')[''], messages.application.en);
});

test('skräp som indata kastar aldrig utan ger 400', () => {
  let deep: Json = {};
  for (let i = 0; i < 10_000; i++) deep = { teams: [deep], grantYear: deep };
  for (const junk of [null, undefined, [], 'x', 5, true, { teams: 'x' }, { teams: [null, 5, 'x', []] }, deep, [[[[[]]]]]]) {
    const result = parseApplication(junk, 'sv');
    assert.equal(result.ok, false);
    assert.equal(result.status, 400);
  }
});

test('godtyckliga värden i godtyckliga fält ger bara våra egna meddelanden, ett per fält', () => {
  const paths = [
    ['grantYear'],
    ['organiser'],
    ['organiser', 'orgNumber'],
    ['teams'],
    ['teams', 0],
    ['teams', 0, 'period'],
    ['teams', 0, 'period', 'to'],
    ['teams', 0, 'schoolForms'],
    ['teams', 0, 'members'],
    ['teams', 0, 'members', 0],
    ['teams', 0, 'members', 0, 'fte'],
    ['teams', 0, 'members', 0, 'end'],
    ['teams', 0, 'members', 0, 'side'],
    ['teams', 0, 'members', 0, 'id'],
  ];
  const ours = new Set(Object.values(messages).flatMap((m) => [m.sv, m.en]));
  const fallback = [messages.invalid.sv, messages.invalid.en];
  fc.assert(
    fc.property(fc.constantFrom(...paths), fc.jsonValue(), fc.constantFrom<Lang>('sv', 'en'), (path, value, lang) => {
      const input = application();
      const parent = path.slice(0, -1).reduce((node: Json, key) => node[key], input);
      parent[path.at(-1)!] = value;
      const result = parseApplication(input, lang);
      if (result.ok || result.status === 422) return;
      const seen = result.body.issues.map((issue) => issue.path);
      assert.equal(new Set(seen).size, seen.length);
      for (const { message } of result.body.issues) {
        assert.ok(!fallback.includes(message), message);
        // Our text, possibly after the "… saknas." sentence; templated texts start the same way.
        const text = message.replace(/^[^.]*(saknas|is missing|are missing)\. /, '');
        assert.ok(
          [...ours].some((known) => known.split('{')[0] && text.startsWith(known.split('{')[0])),
          message,
        );
      }
    }),
    { numRuns: 500 },
  );
});

test('kommunlistan har Sveriges 290 kommuner', () => {
  assert.equal(municipalities.length, 290);
  assert.equal(new Set(municipalities.map((m) => m.code)).size, 290);
  assert.equal(municipalityName('0180'), 'Stockholm');
  assert.equal(municipalityName('2584'), 'Kiruna');
  assert.equal(municipalityName('0000'), undefined);
  assert.ok(isMunicipalityCode('0114'));
  assert.ok(!isMunicipalityCode('114'));
  assert.deepEqual(
    municipalities.find((m) => m.code === '2584'),
    { code: '2584', name: 'Kiruna', countyCode: '25' },
  );
});
