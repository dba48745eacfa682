/**
 * What a draft holds: the application as far as the user has come (its shape is the forms',
 * forms/draft-application.ts), and the result the user last saw, so the result page can say
 * whether and how it has changed since. What the user confirmed when asked about an unusual
 * value (forms/plausible.ts) is kept beside the application, not in it.
 */
import type { DraftApplication, DraftApplicationInput, DraftTeam } from '../../forms/draft-application.ts';
import type { Assessment } from '../../rules/types.ts';

/**
 * The parts of a result a person would notice changing: the rule set, the statuses, each
 * finding's outcome and the amounts. Codes and numbers only, never words, so the language the
 * page is read in does not count as a change. Drafts saved before `version` 2 hold only the
 * first four fields (and others of an older shape).
 */
export interface ResultSummary {
  version: 2;
  ruleSetId: string;
  status: string;
  skolverketGrant: string;
  teams: Array<{ name: string; status: string }>;
  municipalities: Array<{ code: string; matched: string; matchedUsable: string; repaymentRisk: string }>;
  /** Outcome by finding key (see `findingKey`). */
  findings: Record<string, string>;
}

/** "rule/team/member", with the team's index and the member's id empty where they do not apply. */
export function findingKey(f: { rule: string; team?: number; member?: string }): string {
  return `${f.rule}/${f.team ?? ''}/${f.member ?? ''}`;
}

export interface DraftData {
  application: DraftApplication;
  /** Member ids are p1, p2, …, never reused in a draft. */
  nextMember: number;
  /** Team ids are t1, t2, …, never reused in a draft. */
  nextTeam: number;
  lastResult?: ResultSummary;
  /** Unusual values the user confirmed, by member id and field: { p1: { monthlySalary: '4200' } }. */
  confirmed?: Record<string, Record<string, string>>;
  /**
   * Answers that are only examples, put there by the quick estimate: `organiser` and
   * `municipality:<team id>`. Each goes when the user saves its page; until then the draft
   * cannot be shared with a kommun's overview (src/overview-share.ts).
   */
  placeholders?: Placeholder[];
  /** Present when the draft is a settlement of a bidragsår (see isSettlement). */
  settlement?: SettlementData;
}

export type Placeholder = 'organiser' | `municipality:${string}`;

/** Skolverket's decision for one team, as entered: the granted kronor and the decision's date. */
export interface TeamDecision {
  skolverketGrant?: string;
  /** YYYY-MM-DD */
  decidedOn?: string;
}

/**
 * What makes a draft a settlement (the year after the decision, D19): the application as applied for, kept
 * as it was when the settlement started (for the changes to report, D23), and Skolverket's
 * decision per team id. The draft's `application` is then the application as carried out.
 */
export interface SettlementData {
  applied: DraftApplication;
  decisions: Record<string, TeamDecision>;
}

/** A draft is a settlement when it holds a settlement's data. */
export function isSettlement(data: DraftData): data is DraftData & { settlement: SettlementData } {
  return data.settlement !== undefined;
}

/** The stored settlement part, if it has that shape (never trust storage blindly). */
function asSettlement(value: unknown): SettlementData | undefined {
  const candidate = value as Partial<SettlementData> | null;
  if (!candidate || typeof candidate !== 'object' || !candidate.applied || !Array.isArray(candidate.applied.teams)) return undefined;
  const decisions = candidate.decisions && typeof candidate.decisions === 'object' ? candidate.decisions : {};
  return { applied: candidate.applied, decisions };
}

export function emptyDraft(): DraftData {
  return { application: { teams: [] }, nextMember: 1, nextTeam: 1 };
}

/** One past the highest `<prefix><n>` among the ids, and at least `floor`. */
function nextNumber(ids: unknown[], prefix: string, floor: number): number {
  const pattern = new RegExp(`^${prefix}(\\d{1,6})$`);
  const numbers = ids.map((id) => (typeof id === 'string' ? Number(pattern.exec(id)?.[1] ?? 0) : 0));
  return Math.max(floor, 1, ...numbers.map((n) => n + 1));
}

/**
 * The application with an id for every team and member that lacks one (the next t- and
 * p-numbers after both those already given and `previous`'s counters, so none is reused).
 */
export function withIds(application: DraftApplicationInput, previous: Pick<DraftData, 'nextTeam' | 'nextMember'> = emptyDraft()): DraftData {
  let nextTeam = nextNumber(
    application.teams.map((t) => t.id),
    't',
    previous.nextTeam,
  );
  let nextMember = nextNumber(
    application.teams.flatMap((t) => t.members.map((m) => m.id)),
    'p',
    previous.nextMember,
  );
  const teams = application.teams.map((team) => ({
    ...team,
    id: team.id ?? `t${nextTeam++}`,
    members: team.members.map((member) => ({ ...member, id: member.id ?? `p${nextMember++}` })),
  }));
  return { application: { ...application, teams }, nextTeam, nextMember };
}

/**
 * A stored draft's data, or an empty one if it is not of this shape (never trust storage
 * blindly). Teams stored without an id (before teams had ids) get the next t-numbers, the
 * same ones on every read until the draft is saved with them.
 */
export function asDraftData(data: unknown): DraftData {
  const candidate = data as Partial<DraftData> | null;
  if (!candidate || typeof candidate !== 'object' || !candidate.application || !Array.isArray(candidate.application.teams)) {
    return emptyDraft();
  }
  const teams: unknown[] = candidate.application.teams;
  const idOf = (team: unknown) => (typeof team === 'object' && team !== null ? (team as { id?: unknown }).id : undefined);
  let nextTeam = nextNumber(teams.map(idOf), 't', Number(candidate.nextTeam) || 1);
  const confirmed = candidate.confirmed && typeof candidate.confirmed === 'object' ? candidate.confirmed : undefined;
  const settlement = asSettlement(candidate.settlement);
  const placeholders = Array.isArray(candidate.placeholders)
    ? candidate.placeholders.filter((p): p is Placeholder => typeof p === 'string' && (p === 'organiser' || p.startsWith('municipality:')))
    : [];
  return {
    application: {
      ...candidate.application,
      teams: teams.map((team) => (typeof idOf(team) === 'string' ? team : { ...(team as object), id: `t${nextTeam++}` })) as DraftTeam[],
    },
    nextMember: Number(candidate.nextMember) || 1,
    nextTeam,
    lastResult: candidate.lastResult,
    ...(confirmed && { confirmed }),
    ...(placeholders.length && { placeholders }),
    ...(settlement && { settlement }),
  };
}

/** The user has saved the page of this answer: it is no longer an example. */
export function replacePlaceholder(data: DraftData, placeholder: Placeholder): void {
  if (!data.placeholders?.includes(placeholder)) return;
  data.placeholders = data.placeholders.filter((p) => p !== placeholder);
  if (data.placeholders.length === 0) delete data.placeholders;
}

/** Keeps what the user confirmed about a member's values, or forgets it when nothing needed confirming. */
export function keepConfirmed(data: DraftData, memberId: string, confirmed: Record<string, string> | undefined): void {
  const all = { ...data.confirmed };
  delete all[memberId];
  if (confirmed) all[memberId] = confirmed;
  data.confirmed = all;
}

export function summarise(assessment: Assessment, ruleSetId: string): ResultSummary {
  return {
    version: 2,
    ruleSetId,
    status: assessment.status,
    skolverketGrant: assessment.amounts.skolverketGrant,
    teams: assessment.teams.map((t) => ({ name: t.name, status: t.status })),
    municipalities: assessment.amounts.municipalities.map((m) => ({
      code: m.municipalityCode,
      matched: m.matched,
      matchedUsable: m.matchedUsable,
      repaymentRisk: m.repaymentRisk,
    })),
    findings: Object.fromEntries(assessment.findings.map((f) => [findingKey(f), f.outcome])),
  };
}
