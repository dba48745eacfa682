/**
 * Förordningen (2023:179), 15 §, lydelse SFS 2023:946:
 *
 * SUMMARY, not the ordinance's words: the whole of 15 § is missing. Searched on 2026-12-02, the
 * stored copies of the ordinance (lagen.nu/2023:179, riksdagen.se, rkrattsbaser.gov.se) could
 * be read only in their opening, in the original wording, which stops inside 5 § andra stycket.
 * The summary follows the product's rule book, which has it from a secondary source:
 *
 *   The recipient reports changes that affect the grant to the agency without delay.
 *
 * How the product reads it:
 *
 * 15 § förordningen (2023:179), lydelse SFS 2023:946 (agency guidance): the recipient reports
 * without delay any change that affects the right to the grant.
 * [D23](../docs/decisions.md#d23): with the applied-for application beside the carried-out one, every member
 * whose engagement ended earlier, started later or whose fte fell, and every member removed
 * or added, is a change to report, each from the day it applies. Members are matched by id
 * and team: a member who moved to another team is removed from one and added to the other.
 * Only what touches the team's period counts; the day a change
 * applies is the first day it makes a difference in it: the day after the earlier end, the
 * planned start, the first day in the team at the lower fte, the first planned day of a member
 * who never came, the first day of an added member.
 */
import { addDays } from './dates.ts';
import { formatList } from './format.ts';
import { finding, type Rule, type RuleDefinition, type Text } from './rule.ts';
import { hundredths } from './staffing.ts';
import type { Agency, Application, ChangeKind, ChangeToReport, DateRange, Finding, Lang, Member, Team } from './types.ts';

export const changesToReport: RuleDefinition = {
  id: 'changes-to-report',
  title: { sv: 'Förändringar att anmäla', en: 'Changes to report' },
  scope: 'member',
  citation: '15 §',
  outcomes: ['info', 'pass', 'warn'],
  guidance: true,
  summary: {
    sv: 'Förändringar som påverkar rätten till bidraget ska anmälas utan dröjsmål. Verktyget jämför ansökan med det som faktiskt blev och listar varje person som slutade tidigare, började senare eller fick lägre tjänstgöringsgrad, och varje person som togs bort eller tillkom, med datum från när ändringen gäller. Den som flyttade till ett annat team togs bort från det ena och tillkom i det andra. Ändringar för skolpersonal anmäls till Skolverket, ändringar för personal från socialtjänsten till Skolverket och Socialstyrelsen.',
    en: 'Changes that affect the right to the grant must be reported without delay. The tool compares the application with what actually happened and lists everyone who ended earlier, started later or had their fte lowered, and everyone removed or added, with the date from which the change applies. Someone who moved to another team was removed from one and added to the other. Changes for school staff are reported to Skolverket, changes for social-services staff to Skolverket and Socialstyrelsen.',
  },
};

interface Placed {
  member: Member;
  team: number;
  period: DateRange;
}

/** Every member by id, with its team's index and period (the grant period when the team has none). */
function placed(application: Application, grantPeriod: DateRange): Map<string, Placed> {
  return new Map(
    application.teams.flatMap((team: Team, index) =>
      team.members.map((member): [string, Placed] => [member.id, { member, team: index, period: team.period ?? grantPeriod }]),
    ),
  );
}

/** The first and last day the member is in the team's period, or undefined (ISO dates compare as strings). */
function activeIn(member: Member, period: DateRange): DateRange | undefined {
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as strings
  const from = member.start > period.from ? member.start : period.from;
  const to = member.end !== null && member.end < period.to ? member.end : period.to;
  return from <= to ? { from, to } : undefined;
}

const agenciesFor = (member: Member): Agency[] => (member.side === 'school' ? ['skolverket'] : ['skolverket', 'socialstyrelsen']);

const kindOrder: ChangeKind[] = ['removed', 'ended_early', 'started_later', 'fte_lowered', 'added'];

type Change = Omit<ChangeToReport, 'message'>;

/** D23: the changes, ordered by the day they apply, then team, member and kind. */
export function changesBetween(applied: Application, carried: Application, grantPeriod: DateRange, lang: Lang): ChangeToReport[] {
  const before = placed(applied, grantPeriod);
  const after = placed(carried, grantPeriod);
  const changes: Change[] = [];
  const change = (where: Placed, kind: ChangeKind, from: string, values: { applied?: string | null; actual?: string | null } = {}) =>
    changes.push({ member: where.member.id, team: where.team, side: where.member.side, kind, from, ...values, agencies: agenciesFor(where.member) });

  for (const [id, planned] of before) {
    const plannedDays = activeIn(planned.member, planned.period);
    const now = after.get(id);
    if (!now || now.team !== planned.team) {
      // Not there, or in another team: gone from the team applied for (and added where it went, below).
      if (plannedDays) change(planned, 'removed', plannedDays.from);
      continue;
    }
    const actualDays = activeIn(now.member, now.period);
    if (!actualDays) {
      // Never in the team's period: as good as removed, from the first planned day.
      if (plannedDays) change(now, 'removed', plannedDays.from);
      continue;
    }
    if (plannedDays && actualDays.to < plannedDays.to) {
      change(now, 'ended_early', addDays(actualDays.to, 1), { applied: planned.member.end, actual: now.member.end });
    }
    if (plannedDays && actualDays.from > plannedDays.from) {
      change(now, 'started_later', plannedDays.from, { applied: planned.member.start, actual: now.member.start });
    }
    if (hundredths(now.member.fte) < hundredths(planned.member.fte)) {
      change(now, 'fte_lowered', actualDays.from, { applied: planned.member.fte, actual: now.member.fte });
    }
  }
  for (const [id, now] of after) {
    const actualDays = activeIn(now.member, now.period);
    if (before.get(id)?.team === now.team || !actualDays) continue;
    change(now, 'added', actualDays.from);
  }
  changes.sort(
    (a, b) => a.from.localeCompare(b.from) || a.team - b.team || a.member.localeCompare(b.member) || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind),
  );
  return changes.map((c) => ({ ...c, message: changeMessage(c)[lang] }));
}

const agencyNames: Record<Agency, Text> = {
  skolverket: { sv: 'Skolverket', en: 'Skolverket' },
  socialstyrelsen: { sv: 'Socialstyrelsen', en: 'Socialstyrelsen' },
};

function changeMessage(c: Change): Text {
  const open = { sv: 'tills vidare', en: 'open-ended' };
  const end = (value: string | null | undefined, lang: Lang) => value ?? open[lang];
  const fte = (value: string | null | undefined, lang: Lang) => (lang === 'sv' ? String(value).replace('.', ',') : String(value));
  const what: Record<ChangeKind, Text> = {
    ended_early: {
      sv: `${c.member} slutade ${c.actual}, tidigare än i ansökan (${end(c.applied, 'sv')})`,
      en: `${c.member} ended on ${c.actual}, earlier than in the application (${end(c.applied, 'en')})`,
    },
    started_later: {
      sv: `${c.member} började ${c.actual}, senare än i ansökan (${c.applied})`,
      en: `${c.member} started on ${c.actual}, later than in the application (${c.applied})`,
    },
    fte_lowered: {
      sv: `${c.member} hade tjänstgöringsgrad ${fte(c.actual, 'sv')}, lägre än i ansökan (${fte(c.applied, 'sv')})`,
      en: `${c.member} worked at fte ${fte(c.actual, 'en')}, lower than in the application (${fte(c.applied, 'en')})`,
    },
    removed: { sv: `${c.member} fanns i ansökan men inte i teamet`, en: `${c.member} was in the application but not in the team` },
    added: { sv: `${c.member} tillkom i teamet utan att finnas i ansökan`, en: `${c.member} joined the team without being in the application` },
  };
  const to = {
    sv: formatList(
      c.agencies.map((a) => agencyNames[a].sv),
      'sv',
    ),
    en: formatList(
      c.agencies.map((a) => agencyNames[a].en),
      'en',
    ),
  };
  return {
    sv: `${what[c.kind].sv}. Ändringen gäller från ${c.from} och ska anmälas till ${to.sv} utan dröjsmål (15 §).`,
    en: `${what[c.kind].en}. The change applies from ${c.from} and is to be reported to ${to.en} without delay (15 §).`,
  };
}

/** D23 as findings: one warning per change; a pass when nothing changed; info when there is nothing to compare with. */
export function checkChanges(changes: ChangeToReport[] | undefined, lang: Lang): Finding[] {
  if (!changes) {
    return [
      finding(changesToReport, lang, { scope: 'application' }, 'info', {
        sv: 'Ansökan som den söktes är inte med, så verktyget kan inte lista förändringarna att anmäla. Lägg till den för att jämföra.',
        en: 'The application as applied for is not included, so the tool cannot list the changes to report. Add it to compare.',
      }),
    ];
  }
  if (changes.length === 0) {
    return [
      finding(changesToReport, lang, { scope: 'application' }, 'pass', {
        sv: 'Personalen i teamen blev som i ansökan: inga förändringar att anmäla.',
        en: "The teams' staff were as in the application: no changes to report.",
      }),
    ];
  }
  return changes.map((c) =>
    finding(
      changesToReport,
      lang,
      { scope: 'member', team: c.team, member: c.member },
      'warn',
      { sv: c.message, en: c.message },
      { details: { kind: c.kind, from: c.from, agencies: c.agencies } },
    ),
  );
}

export const changesToReportRule: Rule = {
  definition: changesToReport,
  checkSettlement: (c) => checkChanges(c.changes, c.lang),
};
