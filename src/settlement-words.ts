/**
 * What the settlement after the year (RULEBOOK §6) says wherever it is shown: the names of its
 * figures, the conditions, the sides below a minimum and the kinds of change, in Swedish and
 * English; and the settlement as plain text (the command line's `settle`).
 */
import { municipalityName } from '../forms/municipalities.ts';
import { formatFte, formatKronor } from '../rules/format.ts';
import { hundredths } from '../rules/staffing.ts';
import type { BelowMinimum, ChangeKind, Conditions, Lang, Settlement } from '../rules/types.ts';

export const settlementWords = {
  sv: {
    title: (year: number) => `Redovisning av bidragsår ${year}`,
    decided: 'Beslutat av Skolverket',
    justified: 'Motiverat av den faktiska personalen',
    used: 'Använt',
    unused: 'Outnyttjat, betalas tillbaka till Skolverket',
    conditions: 'Villkoren under året',
    conditionsValue: { met: 'uppfyllda', needs_review: 'behöver bedömas', not_met: 'inte uppfyllda' } satisfies Record<Conditions, string>,
    atRisk: (decided: string) => `Skolverket kan kräva tillbaka upp till hela det beslutade bidraget, ${decided}.`,
    below: 'Under kravet',
    side: { school: 'skolpersonal', social_services: 'personal från socialtjänsten', total: 'teamet totalt' } satisfies Record<BelowMinimum['side'], string>,
    lowest: (lowest: string, minimum: string) => `lägst ${lowest} (krav ${minimum})`,
    municipality: 'Kommunen',
    received: 'mottaget från Socialstyrelsen',
    usable: 'får användas',
    repay: 'betalas tillbaka till Socialstyrelsen',
    totals: 'Totalt',
    municipalities: 'Kommunerna',
    changes: 'Förändringar att anmäla utan dröjsmål',
    noChanges: 'Inga förändringar att anmäla.',
    notCompared: 'Ansökan som den söktes är inte med, så förändringarna kan inte listas.',
    changeKind: {
      ended_early: 'slutade tidigare',
      started_later: 'började senare',
      fte_lowered: 'lägre tjänstgöringsgrad',
      removed: 'togs bort',
      added: 'tillkom',
    } satisfies Record<ChangeKind, string>,
    unknownMunicipality: 'okänd kommun',
  },
  en: {
    title: (year: number) => `Report on grant year ${year}`,
    decided: 'Decided by Skolverket',
    justified: 'Justified by the actual staff',
    used: 'Used',
    unused: 'Unused, repaid to Skolverket',
    conditions: 'The conditions during the year',
    conditionsValue: { met: 'met', needs_review: 'needs review', not_met: 'not met' } satisfies Record<Conditions, string>,
    atRisk: (decided: string) => `Skolverket may claim back up to the whole decided grant, ${decided}.`,
    below: 'Below the requirement',
    side: { school: 'school staff', social_services: 'social-services staff', total: 'the team in total' } satisfies Record<BelowMinimum['side'], string>,
    lowest: (lowest: string, minimum: string) => `lowest ${lowest} (requirement ${minimum})`,
    municipality: 'The municipality',
    received: 'received from Socialstyrelsen',
    usable: 'may be used',
    repay: 'repaid to Socialstyrelsen',
    totals: 'In total',
    municipalities: 'The municipalities',
    changes: 'Changes to report without delay',
    noChanges: 'No changes to report.',
    notCompared: 'The application as applied for is not included, so the changes cannot be listed.',
    changeKind: {
      ended_early: 'ended earlier',
      started_later: 'started later',
      fte_lowered: 'lower fte',
      removed: 'removed',
      added: 'added',
    } satisfies Record<ChangeKind, string>,
    unknownMunicipality: 'unknown municipality',
  },
};

/** The settlement as text: per team, the totals, per kommun and the changes, with the notice first. */
export function settlementText(settlement: Settlement, lang: Lang): string {
  const w = settlementWords[lang];
  const kr = (value: string) => formatKronor(value, lang);
  const fte = (value: string) => formatFte(hundredths(value), lang);
  const kommun = (code: string) => `${municipalityName(code) ?? w.unknownMunicipality} (${code})`;
  const matched = (m: { received: string; usable: string; repay: string }) => `${w.received} ${kr(m.received)}, ${w.usable} ${kr(m.usable)}, ${w.repay} ${kr(m.repay)}`;
  const lines = [w.title(settlement.grantYear), settlement.ruleSet.title, settlement.notice, ''];
  for (const team of settlement.teams) {
    lines.push(team.name);
    lines.push(`  ${w.conditions}: ${w.conditionsValue[team.conditions]}`);
    for (const b of team.belowMinimum) lines.push(`    ${w.below}: ${w.side[b.side]} ${b.from}–${b.to}, ${w.lowest(fte(b.lowest), fte(b.minimum))}`);
    if (team.conditions === 'not_met') lines.push(`    ${w.atRisk(kr(team.decided))}`);
    lines.push(`  ${w.decided}: ${kr(team.decided)}`, `  ${w.justified}: ${kr(team.justified)}`, `  ${w.used}: ${kr(team.used)}`, `  ${w.unused}: ${kr(team.unused)}`);
    lines.push(`  ${w.municipality} ${kommun(team.matched.municipalityCode)}: ${matched(team.matched)}`, '');
  }
  const { totals } = settlement;
  lines.push(w.totals, `  ${w.decided}: ${kr(totals.decided)}`, `  ${w.justified}: ${kr(totals.justified)}`, `  ${w.used}: ${kr(totals.used)}`, `  ${w.unused}: ${kr(totals.unused)}`, '');
  lines.push(w.municipalities, ...settlement.municipalities.map((m) => `  ${kommun(m.municipalityCode)}: ${matched(m)}`), '');
  lines.push(w.changes);
  if (!settlement.changesCompared) lines.push(`  ${w.notCompared}`);
  else if (settlement.changes.length === 0) lines.push(`  ${w.noChanges}`);
  else for (const c of settlement.changes) lines.push(`  ${c.from} ${w.changeKind[c.kind]}: ${c.message}`);
  return `${lines.join('\n')}\n`;
}
