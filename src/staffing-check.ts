/**
 * Each side's staffing in a team as the engine counts it (decisions D1, D2, D14: qualifying members,
 * day by day over the team's period) against the staffing rule's minimum. The members page shows
 * it while people are added; check answers warns, before the result, of the days a side falls
 * short (a summer, a gap between one person and the next).
 */
import { Decimal } from 'decimal.js';
import { showDecimal } from '../forms/input.ts';
import { addDays } from '../rules/dates.ts';
import type { Assessment, DateRange, Lang, Side } from '../rules/types.ts';
import { staffingWords } from './result-words.ts';

const SIDES = [
  { side: 'school', rule: 'school-staff-fte', lowest: 'schoolMin', daily: 'school' },
  { side: 'social_services', rule: 'social-services-fte', lowest: 'socialServicesMin', daily: 'socialServices' },
] as const;

export interface SideStaffing {
  side: Side;
  /** The lowest daily fte over the period, "1.10". */
  lowest: string;
  minimum: string;
  enough: boolean;
  /** The stretches of days below the minimum, adjacent runs joined. */
  short: DateRange[];
}

/** Both sides of one team, or none when the rules did not measure the team (D15: nothing to count). */
export function teamStaffing(assessment: Assessment, team: number): SideStaffing[] {
  const result = assessment.teams[team];
  if (!result) return [];
  return SIDES.flatMap(({ side, rule, lowest, daily }) => {
    const finding = assessment.findings.find((f) => f.rule === rule && f.scope === 'team' && f.team === team);
    const minimum = finding?.details?.minimum;
    if (finding?.outcome === 'info' || typeof minimum !== 'string') return [];
    const short: DateRange[] = [];
    for (const run of result.staffing) {
      if (new Decimal(run[daily]).gte(minimum)) continue;
      const last = short.at(-1);
      if (last && addDays(last.to, 1) === run.from) last.to = run.to;
      else short.push({ from: run.from, to: run.to });
    }
    return [{ side, lowest: result.fte[lowest], minimum, enough: new Decimal(result.fte[lowest]).gte(minimum), short }];
  });
}

/** "Skolpersonal: lägst 1,10 av minst 1,00", with ✓ or ✗ and the same in words for those who do not see the mark. */
export function staffingLine(s: SideStaffing, lang: Lang) {
  const w = staffingWords[lang];
  return {
    text: w.line(w.side[s.side], showDecimal(s.lowest, lang), showDecimal(s.minimum, lang)),
    mark: s.enough ? '✓' : '✗',
    words: s.enough ? w.enough : w.notEnough,
    enough: s.enough,
  };
}

/** The check-answers warning's lines: each team side that falls short, with the days. */
export function shortfallWarnings(assessment: Assessment, lang: Lang): Array<{ team: number; text: string }> {
  const w = staffingWords[lang];
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  return assessment.teams.flatMap((team, index) =>
    teamStaffing(assessment, index)
      .filter((s) => s.short.length > 0)
      .map((s) => ({
        team: index,
        text: w.shortfall(team.name, w.staff[s.side], showDecimal(s.minimum, lang), list.format(s.short.map((r) => `${r.from}–${r.to}`))),
      })),
  );
}
