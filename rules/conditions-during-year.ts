/**
 * Förordningen (2023:179), 4 § första stycket, in its original wording, from lagen.nu/2023:179,
 * riksdagen.se and rkrattsbaser.gov.se (checked 2026-12-02):
 *
 *   > Statsbidrag lämnas till en huvudman för grundskola eller gymnasieskola för
 *   > personalkostnader i skolsociala team, om
 *   > 1. det skolsociala teamet omfattar minst två årsarbetskrafter, och
 *   > 2. minst en årsarbetskraft avser skolpersonal med relevant utbildning inom psykosocialt
 *   > arbete och minst en årsarbetskraft avser personal från socialtjänsten med socionomexamen
 *   > eller annan relevant examen på minst grundnivå i högskolan.
 *
 * SFS 2023:946 (from bidragsår 2024, the only years with a settlement) reprints the ordinance;
 * its wording of 4 § was not found (the sources could be read only in their opening, in the
 * original wording), so it is not quoted here.
 *
 * Förordningen (2023:179), 16 §, lydelse SFS 2023:946:
 *
 * SUMMARY, not the ordinance's words: the whole of 16 § is missing. Searched on 2026-12-02, the
 * stored copies of the ordinance (lagen.nu/2023:179, riksdagen.se, rkrattsbaser.gov.se) could
 * be read only in their opening, in the original wording, which stops inside 5 § andra stycket.
 * The summary follows the product's rule book, which has it from a secondary source:
 *
 *   A grant must be repaid on certain grounds, among them that the conditions it was given on
 *   were not followed; the agency may then claim it back.
 *
 * How the product reads it:
 *
 * 4 § and 16 § förordningen (2023:179), lydelse SFS 2023:946 (agency guidance): the team must
 * meet the staffing requirements throughout the period; a grant may be claimed back when the
 * conditions were not followed.
 * [D21](../docs/decisions.md#d21): the carried-out team's status under §5 decides the conditions: met (eligible
 * or eligible together with the huvudman's other teams), needs_review, or not_met. For
 * not_met, every range of days in which the team fell below a minimum, alone and in the D9
 * aggregate, is listed with its side and the team's lowest daily fte; the whole decided grant
 * is then at risk, said as "up to the decided grant", never as a computed sum.
 */
import { dateOf } from './dates.ts';
import { formatFte, formatKronor, formatList } from './format.ts';
import { finding, type Rule, type RuleDefinition, type Text } from './rule.ts';
import { examine, hundredths, type DayRange, type Measure } from './staffing.ts';
import type { Minima, TeamStatusQuestion } from './team-status.ts';
import type { BelowMinimum, Conditions, Finding, Lang, TeamStatus } from './types.ts';

export const conditionsDuringYear: RuleDefinition = {
  id: 'conditions-during-year',
  title: { sv: 'Villkoren under året', en: 'The conditions during the year' },
  scope: 'team',
  citation: '4 § och 16 §',
  outcomes: ['pass', 'review', 'fail'],
  guidance: true,
  summary: {
    sv: 'Teamet ska ha uppfyllt villkoren under hela året: bemanningen prövas dag för dag på det som faktiskt blev, på samma sätt som i ansökan, ensamt eller tillsammans med huvudmannens andra team. Om villkoren inte var uppfyllda visas varje period då teamet låg under ett krav, med den lägsta tjänstgöringsgraden. Då kan Skolverket kräva tillbaka upp till hela det beslutade bidraget; verktyget räknar inte ut något belopp för det.',
    en: "The team must have met the conditions throughout the year: staffing is tested day by day on what actually happened, as in the application, alone or together with the organiser's other teams. If the conditions were not met, every period in which the team was below a requirement is shown, with the lowest fte. Skolverket may then claim back up to the whole decided grant; the tool computes no amount for that.",
  },
};

/** D21: the status in a word. */
export function conditionsOf(status: TeamStatus): Conditions {
  if (status === 'eligible' || status === 'eligible_aggregate_only') return 'met';
  return status === 'needs_review' ? 'needs_review' : 'not_met';
}

const measures: Measure[] = ['school', 'social_services', 'total'];

function intersect(a: DayRange[], b: DayRange[]): DayRange[] {
  const result: DayRange[] = [];
  for (const x of a) {
    for (const y of b) {
      const first = Math.max(x.first, y.first);
      const last = Math.min(x.last, y.last);
      if (first <= last) result.push({ first, last });
    }
  }
  return result;
}

/**
 * D21: the ranges of days in the team's period in which it fell below a minimum, counting
 * members with qualifying education: below on its own and, for a team that takes part in the
 * D9 aggregate, below there too (a day the huvudman's teams together met is no breach). Each
 * with the team's own lowest daily fte in the range; ordered by date, then side.
 */
export function belowMinimum(question: TeamStatusQuestion, minima: Minima): BelowMinimum[] {
  const tested = [question.period];
  const result: Array<BelowMinimum & { first: number }> = [];
  for (const measure of measures) {
    const minimum = measure === 'school' ? minima.school : measure === 'social_services' ? minima.socialServices : minima.total;
    const alone = examine(question.own.qualifying, measure, tested, minimum).shortfalls;
    const ranges = question.gatesPass ? intersect(alone, examine(question.together.qualifying, measure, tested, minimum).shortfalls) : alone;
    for (const range of ranges) {
      result.push({
        first: range.first,
        side: measure,
        from: dateOf(range.first),
        to: dateOf(range.last),
        lowest: (examine(question.own.qualifying, measure, [range], minimum).lowest / 100).toFixed(2),
        minimum: (minimum / 100).toFixed(2),
      });
    }
  }
  result.sort((a, b) => a.first - b.first || measures.indexOf(a.side) - measures.indexOf(b.side));
  return result.map(({ first: _first, ...below }) => below);
}

const sideWords: Record<BelowMinimum['side'], Text> = {
  school: { sv: 'skolpersonal', en: 'school staff' },
  social_services: { sv: 'personal från socialtjänsten', en: 'social-services staff' },
  total: { sv: 'teamet totalt', en: 'the team in total' },
};

const MAX_RANGES_IN_TEXT = 4;

function rangesText(below: BelowMinimum[], lang: Lang): string {
  const parts = below.slice(0, MAX_RANGES_IN_TEXT).map((b) => {
    const lowest = formatFte(hundredths(b.lowest), lang);
    return lang === 'sv' ? `${sideWords[b.side].sv} ${b.from}–${b.to} (lägst ${lowest})` : `${sideWords[b.side].en} ${b.from} to ${b.to} (lowest ${lowest})`;
  });
  const more = below.length - MAX_RANGES_IN_TEXT;
  const tail = more > 0 ? (lang === 'sv' ? ` och ${more} perioder till` : ` and ${more} more periods`) : '';
  return `${formatList(parts, lang)}${tail}`;
}

export function checkConditions(conditions: Conditions, below: BelowMinimum[], decided: string, team: number, lang: Lang): Finding {
  const where = { scope: 'team' as const, team };
  const details = { conditions, belowMinimum: below };
  if (conditions === 'met') {
    return finding(
      conditionsDuringYear,
      lang,
      where,
      'pass',
      {
        sv: 'Enligt verktygets bedömning uppfyllde teamet villkoren under året: bemanningen nådde kraven varje dag, på egen hand eller tillsammans med huvudmannens andra team. Skolverket prövar redovisningen.',
        en: "By the tool's assessment the team met the conditions during the year: staffing reached the requirements every day, on its own or together with the organiser's other teams. Skolverket examines the report.",
      },
      { details },
    );
  }
  if (conditions === 'needs_review') {
    return finding(
      conditionsDuringYear,
      lang,
      where,
      'review',
      {
        sv: 'Om teamet uppfyllde villkoren under året beror på utbildning som inte är angiven för någon i teamet. Ange utbildningen, så kan verktyget bedöma det.',
        en: 'Whether the team met the conditions during the year depends on education not given for someone in the team. State the education, and the tool can assess it.',
      },
      { details },
    );
  }
  const risk = { sv: formatKronor(decided, 'sv'), en: formatKronor(decided, 'en') };
  const why: Text = below.length
    ? { sv: ` Teamet låg under kraven för ${rangesText(below, 'sv')}.`, en: ` The team was below the requirements for ${rangesText(below, 'en')}.` }
    : { sv: ' Se bedömningen regel för regel.', en: ' See the assessment rule by rule.' };
  return finding(
    conditionsDuringYear,
    lang,
    where,
    'fail',
    {
      sv: `Enligt verktygets bedömning uppfyllde teamet inte villkoren under året.${why.sv} Skolverket kan då kräva tillbaka upp till hela det beslutade bidraget, ${risk.sv} (16 §). Skolverket beslutar.`,
      en: `By the tool's assessment the team did not meet the conditions during the year.${why.en} Skolverket may then claim back up to the whole decided grant, ${risk.en} (16 §). Skolverket decides.`,
    },
    { details },
  );
}

export const conditionsDuringYearRule: Rule = {
  definition: conditionsDuringYear,
  checkSettledTeam: (team, index, lang) => checkConditions(team.conditions, team.belowMinimum, team.decided, index, lang),
};
