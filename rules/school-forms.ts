/**
 * Förordningen (2023:179), 1 § första och andra stycket, in its original wording:
 *
 *   > Denna förordning innehåller bestämmelser om statsbidrag för personalkostnader i
 *   > skolsociala team i grundskolan och gymnasieskolan. Med skolsocialt team avses i
 *   > förordningen en grupp med personal från skolan och socialtjänsten som samverkar för
 *   > trygghet och studiero och för att öka elevernas närvaro i skolan.
 *
 * SFS 2023:946 (from bidragsår 2024) reprints the ordinance; its wording of this paragraph is
 * not quoted here because it has not been checked against the reprint.
 *
 * Förordningen (2023:179), 4 § första stycket (inledningen), in its original wording:
 *
 *   > Statsbidrag lämnas till en huvudman för grundskola eller gymnasieskola för
 *   > personalkostnader i skolsociala team, om …
 *
 * SFS 2023:946 (from bidragsår 2024) reprints the ordinance; its wording of this paragraph is
 * not quoted here because it has not been checked against the reprint.
 *
 * How the product reads it:
 *
 * 1 § och 4 § första stycket förordningen (2023:179): grants for teams in grundskolan and
 * gymnasieskolan. [D11](../docs/decisions.md#d11): a team serving neither fails; for anpassad grundskola and
 * anpassad gymnasieskola the message explains that the support assignment, not the ordinance,
 * covers them since December 2025.
 */
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import type { Finding, Lang, SchoolForm, Team } from './types.ts';

export const schoolForms: RuleDefinition = {
  id: 'school-forms',
  title: { sv: 'Skolform', en: 'School form' },
  scope: 'team',
  citation: '1 §, 4 § första stycket',
  outcomes: ['pass', 'fail'],
  summary: {
    sv: 'Teamet ska arbeta i grundskolan eller gymnasieskolan. Andra skolformer kan ingå i teamets arbete, men ger inte ensamma rätt till bidrag.',
    en: 'The team must work in grundskola (compulsory school) or gymnasieskola (upper secondary school). Other school forms may be part of its work but do not on their own qualify.',
  },
};

const qualifyingForms: SchoolForm[] = ['grundskola', 'gymnasieskola'];

export function servesQualifyingSchoolForm(team: Pick<Team, 'schoolForms'>): boolean {
  return team.schoolForms.some((form) => qualifyingForms.includes(form));
}

export function checkSchoolForms(team: Team, index: number, lang: Lang): Finding {
  const where = { scope: 'team' as const, team: index };
  if (servesQualifyingSchoolForm(team)) {
    return finding(schoolForms, lang, where, 'pass', {
      sv: `Teamet arbetar i ${team.schoolForms.includes('grundskola') ? 'grundskolan' : 'gymnasieskolan'}.`,
      en: `The team works in ${team.schoolForms.includes('grundskola') ? 'grundskola' : 'gymnasieskola'}.`,
    });
  }
  const adapted = team.schoolForms.some((form) => form === 'anpassad_grundskola' || form === 'anpassad_gymnasieskola');
  const fix = {
    sv: 'Teamet behöver arbeta i grundskolan eller gymnasieskolan för att kunna få bidrag.',
    en: 'The team needs to work in grundskola or gymnasieskola to be funded.',
  };
  return finding(
    schoolForms,
    lang,
    where,
    'fail',
    adapted
      ? {
          sv: 'Förordningen nämner bara grundskolan och gymnasieskolan. Sedan december 2025 omfattar regeringens stöduppdrag även anpassad grundskola och anpassad gymnasieskola, men det ändrar inte vem som kan få bidraget.',
          en: "The ordinance names only grundskola and gymnasieskola. Since December 2025 the government's support assignment also covers anpassad grundskola and anpassad gymnasieskola, but that does not change who can receive the grant.",
        }
      : {
          sv: 'Teamet arbetar varken i grundskolan eller gymnasieskolan, som är de skolformer bidraget gäller.',
          en: 'The team works in neither grundskola nor gymnasieskola, the school forms the grant is for.',
        },
    { fix, fixData: { kind: 'serve_school_form', options: qualifyingForms } },
  );
}

/** Effect: a team in neither school form is not eligible and its members give no cost (D5, D13). */
export const schoolFormsRule: Rule = {
  definition: schoolForms,
  admitsTeam: servesQualifyingSchoolForm,
  checkTeam: (c) => checkSchoolForms(c.facts.team, c.facts.index, c.lang),
};
