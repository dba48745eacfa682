/**
 * What the settlement after the year (the year after the decision) says wherever it is shown: the names of its
 * figures, the conditions, the sides below a minimum and the kinds of change, in Swedish and
 * English; and the settlement as plain text (the command line's `settle`). Then the redovisning
 * summary PDF's words (Swedish only, like the application summary), the kommun's overview once
 * decisions are entered, and the PDF's download. Every figure is called the product's estimate:
 * the agencies decide.
 */
import { municipalityName } from '../forms/municipalities.ts';
import { formatFte, formatKronor } from '../rules/format.ts';
import { hundredths } from '../rules/staffing.ts';
import type { Agency, BelowMinimum, ChangeKind, Conditions, Lang, Settlement } from '../rules/types.ts';

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
  const matched = (m: { received: string; usable: string; repay: string }) =>
    `${w.received} ${kr(m.received)}, ${w.usable} ${kr(m.usable)}, ${w.repay} ${kr(m.repay)}`;
  const lines = [w.title(settlement.grantYear), settlement.ruleSet.title, settlement.notice, ''];
  for (const team of settlement.teams) {
    lines.push(team.name);
    lines.push(`  ${w.conditions}: ${w.conditionsValue[team.conditions]}`);
    for (const b of team.belowMinimum) lines.push(`    ${w.below}: ${w.side[b.side]} ${b.from}–${b.to}, ${w.lowest(fte(b.lowest), fte(b.minimum))}`);
    if (team.conditions === 'not_met') lines.push(`    ${w.atRisk(kr(team.decided))}`);
    lines.push(
      `  ${w.decided}: ${kr(team.decided)}`,
      `  ${w.justified}: ${kr(team.justified)}`,
      `  ${w.used}: ${kr(team.used)}`,
      `  ${w.unused}: ${kr(team.unused)}`,
    );
    lines.push(`  ${w.municipality} ${kommun(team.matched.municipalityCode)}: ${matched(team.matched)}`, '');
  }
  const { totals } = settlement;
  lines.push(
    w.totals,
    `  ${w.decided}: ${kr(totals.decided)}`,
    `  ${w.justified}: ${kr(totals.justified)}`,
    `  ${w.used}: ${kr(totals.used)}`,
    `  ${w.unused}: ${kr(totals.unused)}`,
    '',
  );
  lines.push(w.municipalities, ...settlement.municipalities.map((m) => `  ${kommun(m.municipalityCode)}: ${matched(m)}`), '');
  lines.push(w.changes);
  if (!settlement.changesCompared) lines.push(`  ${w.notCompared}`);
  else if (settlement.changes.length === 0) lines.push(`  ${w.noChanges}`);
  else for (const c of settlement.changes) lines.push(`  ${c.from} ${w.changeKind[c.kind]}: ${c.message}`);
  return `${lines.join('\n')}\n`;
}

export const settlementPdfWords = {
  title: 'Underlag för redovisning av statsbidrag för skolsociala team',
  titleBreak: 'Underlag för redovisning av statsbidrag\nför skolsociala team',
  attachmentInput: 'Redovisningens uppgifter som JSON (sst-bidrag): ansökan som den genomfördes, besluten och ansökan som den söktes',
  attachmentResult: 'Uppskattningen som JSON (sst-bidrag)',
  footer: (date: string) => `Uppskattat ${date} med sst-bidrag. Underlaget är inte ett beslut; Skolverket och Socialstyrelsen beslutar.`,
  grantYear: 'Bidragsår',
  ruleSet: 'Regelverk',
  period: 'Bidragsperiod',
  estimatedOn: 'Uppskattat',
  organiser: 'Huvudman',
  orgNumber: 'Organisationsnummer',
  lead: 'Underlaget jämför Skolverkets beslut med hur teamen faktiskt bemannades under året. Alla belopp är uppskattningar gjorda med sst-bidrag enligt förordningen (2023:179). Skolverket och Socialstyrelsen granskar redovisningen och beslutar om något ska betalas tillbaka.',
  estimate: '(uppskattning)',
  team: (n: number, name: string) => `Team ${n}: ${name}`,
  municipality: 'Kommun (socialtjänsten)',
  decidedOn: 'Skolverkets beslut',
  decidedOnUnknown: 'Datum inte angivet',
  conditionsLabel: 'Villkoren under året',
  conditions: {
    met: 'Uppfyllda: teamet var bemannat enligt kraven hela perioden',
    needs_review: 'Behöver bedömas: utbildningen är inte angiven för någon som behövs för att nå kraven',
    not_met: 'Inte uppfyllda: bemanningen var under kraven en period',
  } satisfies Record<Conditions, string>,
  decided: 'Beviljat av Skolverket',
  justified: 'Motiverat av kostnaderna',
  used: 'Använt',
  unused: 'Inte använt, betalas tillbaka',
  unusedShort: 'Inte använt',
  reconcileTeam: (used: string, unused: string, decided: string) => `Avstämning, använt + inte använt = beviljat: ${used} + ${unused} = ${decided}`,
  atRisk: (decided: string) =>
    `Villkoren följdes inte under hela året. Skolverket kan kräva tillbaka upp till hela det beviljade bidraget, ${decided} (16 §). Hur mycket beslutar Skolverket.`,
  belowTitle: 'Perioder under kraven',
  belowColumns: { side: 'Gäller', from: 'Från', to: 'Till', lowest: 'Lägst en dag', minimum: 'Krav' },
  matchedTitle: 'Kommunens motfinansiering från Socialstyrelsen',
  received: 'Mottaget från Socialstyrelsen',
  usable: 'Får användas',
  repay: 'Att betala tillbaka till Socialstyrelsen',
  reconcileMatched: (usable: string, repay: string, received: string) =>
    `Avstämning, får användas + att betala tillbaka = mottaget: ${usable} + ${repay} = ${received}`,
  totalsTitle: 'Alla team',
  teamColumn: 'Team',
  sum: 'Summa',
  reconcileTotals: (parts: string[], total: string) => `Avstämning, teamens beviljade bidrag och summan: ${parts.join(' + ')} = ${total}`,
  municipalitiesTitle: 'Kommunernas motfinansiering från Socialstyrelsen',
  municipalitiesLead:
    'Kommunen fick samma belopp som Skolverket beviljade för teamet och får använda högst hälften av kostnaden för personalen från socialtjänsten. Resten betalas tillbaka.',
  municipalityColumn: 'Kommun',
  reconcileMunicipality: (name: string, usable: string, repay: string, received: string) =>
    `Avstämning för ${name}, får användas + att betala tillbaka = mottaget: ${usable} + ${repay} = ${received}`,
  changesTitle: 'Förändringar att anmäla',
  changesLead:
    'Förändringar under året ska anmälas utan dröjsmål (15 §): till Skolverket, och av kommunen till Socialstyrelsen. Anmäl dem nu om det inte redan är gjort, och redovisa dem i redovisningen.',
  changeColumns: { member: 'Person', kind: 'Förändring', from: 'Från och med', agency: 'Anmäls till', message: 'Vad som hände' },
  agency: { skolverket: 'Skolverket', socialstyrelsen: 'Socialstyrelsen (kommunen)' } satisfies Record<Agency, string>,
  datesTitle: 'Datum att hålla',
  evidenceTitle: 'Underlag att ha redo',
  evidenceLead: 'Socialstyrelsen och Skolverket kan begära underlag för kostnaderna. Ha det här redo:',
  evidence: [
    'Utdrag ur huvudboken för teamets kostnader under bidragsåret',
    'Fakturor för köpta tjänster och uppdrag',
    'Lönespecifikationer för personalen i teamet',
    'Anställningsavtal och uppdragsavtal',
    'Beslut från Skolverket och, för kommunen, rekvisitionen hos Socialstyrelsen',
  ],
  costCentre: 'Ett eget kostnadsställe eller projekt för teamet i bokföringen rekommenderas: då visar huvudboken teamets kostnader direkt.',
  signaturesTitle: 'Underskrifter',
  forOrganiser: 'För huvudmannen',
  forSocialServices: 'För kommunens socialtjänst',
} as const;

/** The kommun's overview once Skolverket's decisions are entered in settlements shared with it. */
export const overviewSettlementWords = {
  sv: {
    decidedMark: 'beslut',
    basis: { application: 'Ansökan', settlement: 'Beslut och redovisning' },
    csv: { basis: 'Underlag', decided: 'Beviljat av Skolverket', decidedOn: 'Beslutsdatum', unused: 'Inte använt' },
    decidedPart: 'Beslutat: från team där Skolverkets beslut är inlagt',
    fromSettlement: (teams: string[]) =>
      `Team som finns både i en ansökan och i en redovisning räknas en gång, från redovisningen med Skolverkets beslut: ${teams.join(', ')}.`,
    requisitionHeading: 'Rekvisition hos Socialstyrelsen',
    requisitionAmount: (amount: string, teams: number) =>
      `Skolverket har beviljat ${amount} för ${teams === 1 ? 'ett team' : `${teams} team`} i kommunen, enligt de redovisningar som har delats med översikten. Kommunen rekvirerar samma belopp från Socialstyrelsen.`,
    requisitionNone:
      'När Skolverket har beslutat lägger samordnaren in beslutet med Redovisa året på resultatsidan och delar redovisningen med översikten. Då visas här vad kommunen ska rekvirera: summan av Skolverkets beviljade bidrag för kommunens team. Till dess är beloppen de högsta som kan lämnas.',
    requisitionWindow: 'Rekvisitionsperiod',
    requisitionUnknown: (year: number) => `Socialstyrelsens rekvisitionsperiod för bidragsår ${year} är inte känd ännu.`,
    prerequisitesHeading: 'Det här behöver kommunen för att rekvirera',
    prerequisites: [
      'Ett ombud för kommunen i Socialstyrelsens e-tjänst för statsbidrag.',
      'Ett utdrag ur delegationsordningen som visar vem som får rekvirera statsbidrag för kommunen.',
    ],
    afterYearHeading: 'Efter året: redovisningarna',
    afterYearLead: 'Från redovisningar som har delats med översikten. Alla belopp utom beslutet är uppskattningar; Skolverket och Socialstyrelsen beslutar.',
    afterYearCaption: (name: string, year: number) => `Redovisade team i ${name}, bidragsår ${year}`,
    columns: {
      decidedOn: 'Beslutsdatum',
      conditions: 'Villkoren under året',
      decided: 'Beviljat av Skolverket',
      unused: 'Inte använt (till Skolverket)',
      received: 'Mottaget från Socialstyrelsen',
      usable: 'Får användas',
      repay: 'Att betala tillbaka (till Socialstyrelsen)',
    },
    notGiven: 'inte angivet',
  },
  en: {
    decidedMark: 'decision',
    basis: { application: 'Application', settlement: 'Decision and report' },
    csv: { basis: 'Basis', decided: 'Granted by Skolverket', decidedOn: 'Decision date', unused: 'Not used' },
    decidedPart: "Decided: from teams with Skolverket's decision entered",
    fromSettlement: (teams: string[]) =>
      `Teams that are both in an application and in a report are counted once, from the report with Skolverket's decision: ${teams.join(', ')}.`,
    requisitionHeading: 'Requisition from Socialstyrelsen',
    requisitionAmount: (amount: string, teams: number) =>
      `Skolverket has granted ${amount} for ${teams === 1 ? 'one team' : `${teams} teams`} in the municipality, according to the reports shared with the overview. The municipality requisitions the same amount from Socialstyrelsen.`,
    requisitionNone:
      "Once Skolverket has decided, the coordinator enters the decision with Report the year on the result page and shares the report with the overview. Then this shows what the municipality requisitions: the sum of Skolverket's granted amounts for the municipality's teams. Until then the amounts are the most that can be granted.",
    requisitionWindow: 'Requisition period',
    requisitionUnknown: (year: number) => `Socialstyrelsen's requisition period for grant year ${year} is not known yet.`,
    prerequisitesHeading: 'What the municipality needs to requisition',
    prerequisites: [
      "A representative (ombud) for the municipality in Socialstyrelsen's e-service for state grants.",
      'An extract from the delegation rules (delegationsordning) showing who may requisition state grants for the municipality.',
    ],
    afterYearHeading: 'After the year: the reports',
    afterYearLead: 'From reports shared with the overview. Every amount but the decision is an estimate; Skolverket and Socialstyrelsen decide.',
    afterYearCaption: (name: string, year: number) => `Reported teams in ${name}, grant year ${year}`,
    columns: {
      decidedOn: 'Decision date',
      conditions: 'Conditions during the year',
      decided: 'Granted by Skolverket',
      unused: 'Not used (to Skolverket)',
      received: 'Received from Socialstyrelsen',
      usable: 'May be used',
      repay: 'To repay (to Socialstyrelsen)',
    },
    notGiven: 'not given',
  },
};

/** The download of the redovisning summary on the settlement's result page. */
export const settlementPdfLinkWords = {
  sv: {
    button: 'Ladda ner underlaget för redovisningen som PDF',
    hint: 'Med teamens belopp, förändringarna att anmäla, underlaget att ha redo och rader för underskrifter. Uppgifterna finns med i filen, så den kan öppnas i verktyget igen.',
  },
  en: {
    button: 'Download the report summary as PDF',
    hint: 'With the teams’ amounts, the changes to report, the evidence to keep ready and lines for signatures (in Swedish). The data is in the file, so the tool can open it again.',
  },
};

/** "slutade tidigare" → "Slutade tidigare": a word from the catalogue at the start of a cell. */
export const capitalised = (word: string) => word.charAt(0).toLocaleUpperCase('sv') + word.slice(1);
