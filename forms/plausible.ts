/**
 * Values that are possible but unusual enough to be more often a slip than a fact ("4200" for
 * "42 000", "3142 %" for "31,42 %"): the page asks the user to confirm them instead of saving
 * them silently. A question is answered by sending the same value again; the answer is kept in
 * the draft beside the application (DraftData.confirmed), so it is not asked again.
 *
 * The bounds are the tool's, not the law's: a monthly full-time salary from 15 000 to
 * 150 000 kr, a personalomkostnadspålägg of at most 60 %, and at most 10 full-time posts on one
 * side of a team on any one day.
 */
import { Decimal } from 'decimal.js';
import { formatKronor } from '../rules/format.ts';
import type { Lang } from '../rules/types.ts';
import type { DraftMember } from './draft-application.ts';
import { showDecimal, showPercent } from './input.ts';

export const PLAUSIBLE = { minSalary: 15_000, maxSalary: 150_000, maxEmployerCostRate: '0.6', maxSideFte: 10 } as const;

/**
 * A value the user is asked to confirm: the field, the value as stored, the question alone
 * (for a list such as the import's preview) and the message for a form (question, then what to do).
 */
export interface Question {
  field: string;
  value: string;
  question: string;
  message: string;
}

/** Confirmed values by field, e.g. { monthlySalary: '4200' }. */
export type Confirmed = Record<string, string>;

type Engagement = Pick<DraftMember, 'fte' | 'start' | 'end'>;
type Side = 'school' | 'social_services';

const kronor = (value: string, lang: Lang) => formatKronor(new Decimal(value).toDecimalPlaces(0).toFixed(), lang);
const again = { sv: 'Om det stämmer, skicka sidan igen som den är. Annars rätta', en: 'If it is right, send the page again as it is. Otherwise correct' };

/** Each question as [the question, what to correct]. */
const questions = {
  sv: {
    salary: (amount: string, low: boolean, cost: boolean) => [
      `Stämmer det att ${cost ? 'månadskostnaden per heltid' : 'månadslönen vid heltid'} är ${amount}? Det är ovanligt ${low ? 'lite' : 'mycket'}.`,
      'beloppet, till exempel 42 000.',
    ],
    rate: (rate: string) => [`Stämmer det att personalomkostnadspålägget är ${rate}? Det brukar vara 30–45 %.`, 'det, till exempel 31,42 %.'],
    side: (side: Side, total: string) => [
      `Stämmer det att ${side === 'school' ? 'skolpersonalen' : 'personalen från socialtjänsten'} i teamet har ${total} i tjänstgöringsgrad sammanlagt samma dag? Det är ovanligt många i ett team.`,
      'tjänstgöringsgraden.',
    ],
  },
  en: {
    salary: (amount: string, low: boolean, cost: boolean) => [
      `Is the ${cost ? 'monthly cost per full-time post' : 'monthly salary at full time'} really ${amount}? That is unusually ${low ? 'low' : 'high'}.`,
      'the amount, for example 42 000.',
    ],
    rate: (rate: string) => [`Is the employer cost rate really ${rate}? It is usually 30–45 %.`, 'it, for example 31.42 %.'],
    side: (side: Side, total: string) => [
      `Does the team's ${side === 'school' ? 'school staff' : 'social-services staff'} really add up to ${total} fte on the same day? That is unusually many for a team.`,
      'the fte.',
    ],
  },
} satisfies Record<Lang, Record<string, (...args: never[]) => string[]>>;

function ask(field: string, value: string, [question, correct]: string[], lang: Lang): Question {
  return { field, value, question, message: `${question} ${again[lang]} ${correct}` };
}

/** The question about a monthly full-time salary (or, with `cost`, the cost of a post) outside 15 000–150 000 kr, if any. */
export function salaryQuestion(field: string, value: string, lang: Lang, { cost = false } = {}): Question | undefined {
  const amount = new Decimal(value);
  if (amount.gte(PLAUSIBLE.minSalary) && amount.lte(PLAUSIBLE.maxSalary)) return undefined;
  return ask(field, value, questions[lang].salary(kronor(value, lang), amount.lt(PLAUSIBLE.minSalary), cost), lang);
}

/** The question about a side's total fte above 10, if any. */
export function sideQuestion(field: string, side: Side, total: Decimal, lang: Lang): Question | undefined {
  if (total.lte(PLAUSIBLE.maxSideFte)) return undefined;
  const value = total.toFixed(2);
  return ask(field, value, questions[lang].side(side, showDecimal(value, lang)), lang);
}

/**
 * The most fte the side has on any day of `member`'s engagement, `member` included (an open
 * end lasts for ever). The total only rises on someone's first day, so those days suffice.
 */
export function peakFte(member: Engagement, others: Engagement[]): Decimal {
  const all = [member, ...others];
  const covers = (e: Engagement, day: string) => e.start <= day && (e.end === null || e.end >= day);
  return all
    .map((e) => e.start)
    .filter((day) => covers(member, day))
    .reduce(
      (peak, day) =>
        Decimal.max(
          peak,
          all.filter((e) => covers(e, day)).reduce((sum, e) => sum.plus(e.fte), new Decimal(0)),
        ),
      new Decimal(0),
    );
}

/**
 * What to ask about a member before saving it: its salary, its employer cost rate, and the
 * fte of its side of the team with it (`others`: the team's other members). Already confirmed
 * values (same field, same value) are not asked again; `all` lists every question, asked or not.
 */
export function memberQuestions(
  member: Omit<DraftMember, 'id'>,
  others: DraftMember[],
  confirmed: Confirmed,
  lang: Lang,
): { ask: Question[]; all: Question[] } {
  const side = member.side as Side;
  // Every question that applies; `ask` leaves out those already answered.
  const all = unanswered(
    [
      salaryQuestion('monthlySalary', member.monthlySalary, lang),
      new Decimal(member.employerCostRate).gt(PLAUSIBLE.maxEmployerCostRate)
        ? ask('employerCostRate', member.employerCostRate, questions[lang].rate(showPercent(member.employerCostRate, lang)), lang)
        : undefined,
      sideQuestion(
        'fte',
        side,
        peakFte(
          member,
          others.filter((m) => m.side === side),
        ),
        lang,
      ),
    ],
    {},
  );
  return { ask: unanswered(all, confirmed), all };
}

/** The questions not yet answered: those whose value is not the one confirmed. */
export function unanswered(asked: Array<Question | undefined>, confirmed: Confirmed): Question[] {
  return asked.filter((q): q is Question => q !== undefined && confirmed[q.field] !== q.value);
}

/** The confirmations a form sent back: hidden fields `confirmed` as "field=value". */
export function confirmedIn(body: unknown): Confirmed {
  const sent = (body as { confirmed?: unknown } | null)?.confirmed;
  const list = typeof sent === 'string' ? [sent] : Array.isArray(sent) ? sent : [];
  const confirmed: Confirmed = {};
  for (const item of list) {
    const [field, value] = typeof item === 'string' ? item.split('=', 2) : [];
    if (field && value !== undefined) confirmed[field] = value;
  }
  return confirmed;
}

/** The questions as the form sends them back when the user confirms. */
export function confirmations(asked: Question[]): string[] {
  return asked.map((q) => `${q.field}=${q.value}`);
}

/** What the user confirmed, as kept in the draft: the value of each question that applied. */
export function keptConfirmations(all: Question[]): Confirmed | undefined {
  return all.length ? Object.fromEntries(all.map((q) => [q.field, q.value])) : undefined;
}
