/**
 * What the result page, the summary PDF and the quick estimate say alike: outcome labels, the
 * amounts' names, a finding as the findings partial shows it, the verdict that counts teams per
 * status, and the split of the money into settled and pending (decision D18).
 */
import { ruleDefinition } from '../rules/catalogue.ts';
import { formatKronor } from '../rules/format.ts';
import type { Assessment, Finding, Lang, StatusAmounts, TeamStatus, TeamStatusWithMoney } from '../rules/types.ts';
import { words } from './words/index.ts';

export const resultWords = {
  sv: {
    outcome: words.sv.labels.outcome as Record<string, string>,
    fix: 'Så kan det rättas',
    amountsNote: 'Beloppen är de högsta som kan lämnas. De är inte ett beslut.',
    ...words.sv.labels.amount,
    teamStatus: words.sv.labels.teamStatus as Record<string, string>,
    settled: 'Klart: från team som uppfyller villkoren',
    pending: 'Beror på en bedömning som återstår',
  },
  en: {
    outcome: words.en.labels.outcome as Record<string, string>,
    fix: 'How to put it right',
    amountsNote: 'The amounts are the most that can be granted. They are not a decision.',
    ...words.en.labels.amount,
    teamStatus: words.en.labels.teamStatus as Record<string, string>,
    settled: 'Settled: from teams that meet the conditions',
    pending: 'Depends on a review still open',
  },
};

/** Each side's staffing against its minimum, on the members page and in the check-answers warning. */
export const staffingWords = {
  sv: {
    heading: 'Bemanningen under teamets period',
    side: { school: 'Skolpersonal', social_services: 'Socialtjänsten' } as Record<string, string>,
    line: (side: string, lowest: string, minimum: string) => `${side}: lägst ${lowest} av minst ${minimum}`,
    enough: 'räcker',
    notEnough: 'räcker inte',
    counted: 'Räknat dag för dag med de personer som är sparade. Bara personer med godkänd utbildning och minst sex månaders anställning räknas.',
    warningHeading: 'Bemanningen räcker inte varje dag',
    warningLead: 'Kravet gäller varje dag under perioden, också under sommaren och mellan två anställningar.',
    staff: { school: 'skolpersonalen', social_services: 'personalen från socialtjänsten' } as Record<string, string>,
    shortfall: (team: string, staff: string, minimum: string, ranges: string) => `${team}: ${staff} har mindre än ${minimum} årsarbetskraft under ${ranges}.`,
    changePeople: (team: string) => `Ändra personerna i ${team}`,
  },
  en: {
    heading: "Staffing during the team's period",
    side: { school: 'School staff', social_services: 'Social services' } as Record<string, string>,
    line: (side: string, lowest: string, minimum: string) => `${side}: lowest ${lowest} of at least ${minimum}`,
    enough: 'enough',
    notEnough: 'not enough',
    counted: 'Counted day by day with the people saved. Only people with qualifying education and an engagement of at least six months count.',
    warningHeading: 'Staffing is not enough every day',
    warningLead: 'The requirement applies on every day of the period, in the summer and between two engagements too.',
    staff: { school: 'the school staff', social_services: 'the social-services staff' } as Record<string, string>,
    shortfall: (team: string, staff: string, minimum: string, ranges: string) =>
      `${team}: ${staff} count less than ${minimum} full-time equivalent during ${ranges}.`,
    changePeople: (team: string) => `Change the people in ${team}`,
  },
};

/** A rule's title, or its id for a rule the catalogue no longer has (a stored summary may name one). */
export function ruleTitle(id: string, lang: Lang): string {
  try {
    return ruleDefinition(id).title[lang];
  } catch {
    return id;
  }
}

export function findingView(f: Finding, lang: Lang) {
  return {
    outcome: f.outcome,
    label: resultWords[lang].outcome[f.outcome],
    title: ruleTitle(f.rule, lang),
    citation: f.citation,
    message: f.message,
    fix: f.fix,
  };
}

/** Swedish verbs do not agree in number: one form for one team and for many. */
const svCounts = { met: 'uppfyller villkoren', needs_review: 'behöver bedömas', not_eligible: 'uppfyller inte villkoren' };

const verdictWords = {
  sv: {
    status: words.sv.labels.applicationStatus as Record<string, string>,
    one: svCounts,
    many: svCounts,
    of: (n: number, total: number, what: string) => `${n} av ${total} team ${what}`,
    together: (n: number) => ` (${n} av dem bara tillsammans med huvudmannens andra team)`,
  },
  en: {
    status: words.en.labels.applicationStatus as Record<string, string>,
    one: { met: 'meets the conditions', needs_review: 'needs review', not_eligible: 'does not meet the conditions' },
    many: { met: 'meet the conditions', needs_review: 'need review', not_eligible: 'do not meet the conditions' },
    of: (n: number, total: number, what: string) => `${n} of ${total} teams ${what}`,
    together: (n: number) => ` (${n} of them only together with the organiser's other teams)`,
  },
};

/** The application's status in words, as the API names it. */
export function statusLabel(status: string, lang: Lang): string {
  return verdictWords[lang].status[status];
}

/**
 * The headline. One team: the application's status. More: the teams counted per status ("1 av
 * 3 team uppfyller villkoren, 2 behöver bedömas"). The tone is never `eligible` while a team
 * waits for a review, so money that depends on one is never shown in green.
 */
export function verdict(assessment: Assessment, lang: Lang): { tone: string; text: string } {
  const w = verdictWords[lang];
  const count = (...statuses: TeamStatus[]) => assessment.teams.filter((t) => statuses.includes(t.status)).length;
  const reviews = count('needs_review');
  const tone = reviews > 0 && assessment.status === 'eligible' ? 'needs_review' : assessment.status;
  const total = assessment.teams.length;
  if (total <= 1) return { tone, text: w.status[assessment.status] };
  const groups = [
    { key: 'met', n: count('eligible', 'eligible_aggregate_only'), extra: count('eligible_aggregate_only') },
    { key: 'needs_review', n: reviews, extra: 0 },
    { key: 'not_eligible', n: count('not_eligible'), extra: 0 },
  ] as const;
  const parts = groups
    .filter((g) => g.n > 0)
    .map((g, i) => {
      const what = (g.n === 1 ? w.one : w.many)[g.key];
      const phrase = i === 0 ? w.of(g.n, total, what) : `${g.n} ${what}`;
      return g.extra > 0 ? phrase + w.together(g.extra) : phrase;
    });
  return { tone, text: parts.join(', ') };
}

/** "Skolkurator (p1)", or the id alone when no role was given. */
export function personLabel(member: { id: string; role?: string }): string {
  return member.role ? `${member.role} (${member.id})` : member.id;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A finding's sentence with every member id the engine wrote ("p1", "p1:s", "p1's") as the role
 * the user typed: "Skolkurator (p1)", "Skolkurators (p1)", "Skolkurator's (p1)". Ids are matched
 * whole, so "p1" is not found inside "p10"; members without a role keep their id.
 */
export function namePeople(text: string, members: Array<{ id: string; role?: string }>): string {
  const roles = new Map(members.filter((m) => m.role).map((m) => [m.id, m.role as string]));
  if (roles.size === 0) return text;
  const ids = [...roles.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}_-])(${ids})(:s|'s)?(?![\\p{L}\\p{N}_-])`, 'gu'), (_, id: string, genitive?: string) => {
    const role = roles.get(id) as string;
    if (!genitive) return `${role} (${id})`;
    // Swedish adds no genitive s to a word that already ends in s, x or z.
    return genitive === ':s' ? `${/[sxz]$/i.test(role) ? role : `${role}s`} (${id})` : `${role}'s (${id})`;
  });
}

/** D4: where one person's unknown education alone decides a team, both outcomes. */
export function bothOutcomes(who: string, upTo: string, lang: Lang): string {
  const [yes, no] = [formatKronor(upTo, lang), formatKronor('0', lang)];
  return lang === 'sv'
    ? `Utbildningen för ${who} avgör teamets bidrag: om den räknas, upp till ${yes}; annars ${no}.`
    : `The education of ${who} decides the team's grant: if it counts, up to ${yes}; otherwise ${no}.`;
}

/** Whole kronor added exactly. */
export const sum = (...values: Array<string | undefined>) => values.reduce((total, v) => total + BigInt(v ?? '0'), 0n).toString();

/** Whether some of the money depends on a review still open: a team needs review (D18). */
export function waitsForReview(assessment: Assessment): boolean {
  return assessment.teams.some((t) => t.status === 'needs_review');
}

type ByTeamStatus = Record<TeamStatusWithMoney, Partial<StatusAmounts>>;

/**
 * The settled and pending parts of some totals (D18), in the order of `figures`: settled is what
 * comes from teams that meet the conditions, alone or together; pending what comes from teams
 * that need review. Each pair adds up to its total.
 */
export function settledAndPending(byTeamStatus: ByTeamStatus, figures: Array<keyof StatusAmounts>): { settled: string[]; pending: string[] } {
  return {
    settled: figures.map((figure) => sum(byTeamStatus.eligible[figure], byTeamStatus.eligible_aggregate_only[figure])),
    pending: figures.map((figure) => sum(byTeamStatus.needs_review[figure])),
  };
}
