/**
 * What has changed in a draft's result since the user last saw it, in words: the rule set, the
 * application's and each team's status, Skolverket's grant, each kommun's figures and every
 * finding whose outcome changed. Empty when nothing a person would notice has changed.
 */
import { municipalityName } from '../forms/municipalities.ts';
import { formatCountOf, formatKronor } from '../rules/format.ts';
import type { Lang } from '../rules/types.ts';
import type { ResultSummary } from './drafts/draft-data.ts';
import { resultWords, ruleTitle, statusLabel } from './result-words.ts';
import { words } from './words/index.ts';

/** Beyond this many lines the banner says how many more there are. */
const MAX_LINES = 10;

const changeWords = { sv: words.sv.resultChanges, en: words.en.resultChanges };

const arrow = (label: string, from: string, to: string) => `${label}: ${from} → ${to}`;

export function resultChanges(previous: ResultSummary | undefined, current: ResultSummary, lang: Lang): string[] {
  if (!previous) return [];
  const w = { ...changeWords[lang], ...resultWords[lang] };
  const kr = (v: string) => formatKronor(v, lang);
  const lines: string[] = [];
  if (previous.ruleSetId !== current.ruleSetId) lines.push(w.ruleSet);
  if (previous.status !== current.status) lines.push(arrow(w.status, statusLabel(previous.status, lang), statusLabel(current.status, lang)));
  if (previous.skolverketGrant !== current.skolverketGrant) lines.push(arrow(w.grant, kr(previous.skolverketGrant), kr(current.skolverketGrant)));
  // A summary saved before version 2 has nothing more that can be compared.
  if (previous.version !== 2) return lines;

  const teamName = (index: number) => current.teams[index]?.name ?? previous.teams[index]?.name ?? String(index + 1);
  const teamStatus = (status: string | undefined) => (status ? w.teamStatus[status] : w.none);
  for (let i = 0; i < Math.max(previous.teams.length, current.teams.length); i++) {
    const [before, after] = [previous.teams[i]?.status, current.teams[i]?.status];
    if (before !== after) lines.push(arrow(teamName(i), teamStatus(before), teamStatus(after)));
  }
  const figures = [
    ['matched', w.matched],
    ['matchedUsable', w.usable],
    ['repaymentRisk', w.risk],
  ] as const;
  for (const code of new Set([...previous.municipalities, ...current.municipalities].map((m) => m.code))) {
    const [before, after] = [previous.municipalities, current.municipalities].map((list) => list.find((m) => m.code === code));
    for (const [figure, label] of figures) {
      const [from, to] = [before?.[figure] ?? '0', after?.[figure] ?? '0'];
      if (from !== to) lines.push(arrow(`${municipalityName(code) ?? code} – ${label}`, kr(from), kr(to)));
    }
  }
  const outcome = (value: string | undefined) => (value ? w.outcome[value] : w.none);
  for (const key of new Set([...Object.keys(previous.findings), ...Object.keys(current.findings)])) {
    const [before, after] = [previous.findings[key], current.findings[key]];
    if (before === after) continue;
    const [rule, team, member] = key.split('/');
    const where = [team === '' ? '' : teamName(Number(team)), member].filter(Boolean).join(', ');
    lines.push(arrow(`${ruleTitle(rule, lang)}${where ? ` (${where})` : ''}`, outcome(before), outcome(after)));
  }
  return lines.length > MAX_LINES
    ? [...lines.slice(0, MAX_LINES - 1), w.more(formatCountOf(lines.length - MAX_LINES + 1, words[lang].count.changes, lang))]
    : lines;
}
