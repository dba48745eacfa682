/**
 * Every word the service shows, in Swedish: pages, the summary PDF, the kommun's CSV, the CLI
 * and the history. English (en.ts) has the same shape, so TypeScript checks that it has every
 * key Swedish has. The rules' own messages (rules/catalogue.ts) and the forms' error messages
 * (forms/*.ts) are their own catalogues and are not repeated here.
 *
 * Numbers in sentences go through rules/format.ts (Intl, sv-SE); a word that counts has both
 * forms ({ one, other }) for formatCountOf.
 */
import type { PluralForms } from '../../rules/format.ts';

/** How many of something: both forms, for formatCountOf. */
const forms = (one: string, other: string): PluralForms => ({ one, other });

export const sv = {
  /** One set of status and outcome labels: the pages, the PDF, the CSV and the CLI take them from here. */
  labels: {
    outcome: { pass: 'Uppfyllt', fail: 'Inte uppfyllt', warn: 'Uppfyllt, observera', review: 'Behöver bedömas', info: 'Information' },
    teamStatus: {
      eligible: 'Uppfyller villkoren',
      eligible_aggregate_only: 'Uppfyller villkoren tillsammans med huvudmannens andra team (lägre prioritet)',
      needs_review: 'Behöver bedömas',
      not_eligible: 'Uppfyller inte villkoren',
    },
    applicationStatus: {
      eligible: 'Ansökan uppfyller villkoren för bidrag',
      needs_review: 'Ansökan behöver bedömas',
      not_eligible: 'Ansökan uppfyller inte villkoren för bidrag',
    },
    amount: {
      grant: 'Skolverkets bidrag',
      matched: 'Socialstyrelsens belopp till kommunen',
      usable: 'Del kommunen får använda',
      risk: 'Risk att betala tillbaka',
    },
    staffingSuggestion: (fte: string, months: string, extraCost: string, schoolBasis: boolean) =>
      `${fte} tjänst mer från socialtjänsten under ${months} månader (${extraCost} mer i kostnad${schoolBasis ? ', räknat på skolans snittkostnad' : ''})`,
  },

  count: {
    people: forms('person', 'personer'),
    teams: forms('team', 'team'),
    changes: forms('ändring', 'ändringar'),
  },

  history: {
    title: 'Historik',
    lead: 'Ändringar av ansökan, gjorda av samordnaren, via en länk eller via API:et.',
    none: 'Inga ändringar är gjorda ännu.',
    when: 'När',
    who: 'Vem',
    what: 'Vad',
    actor: {
      coordinator: 'Samordnaren',
      api: 'API',
      link: (side: 'school' | 'social_services', team: string) => `Länk för ${side === 'school' ? 'skolpersonal' : 'socialtjänsten'}, ${team}`,
    },
    event: {
      grantYearChosen: (year: number) => `valde bidragsår ${year}`,
      organiserChanged: 'ändrade huvudmannen',
      teamAdded: (team: string) => `lade till teamet ${team}`,
      teamChanged: (team: string) => `ändrade teamet ${team}`,
      teamRemoved: (team: string) => `tog bort teamet ${team}`,
      memberAdded: (person: string) => `lade till ${person}`,
      memberSaved: (person: string) => `ändrade ${person}`,
      memberRemoved: (person: string) => `tog bort ${person}`,
      membersImported: (people: string, team: string, skipped: string | undefined) =>
        `importerade ${people} till ${team} (lade till${skipped ? `, ${skipped} som redan fanns hoppades över` : ''})`,
      membersReplaced: (people: string, team: string, removed: string) => `importerade ${people} till ${team} (ersatte ${removed} som fanns)`,
      linkDone: 'är klar med sin del',
      shared: (municipality: string, year: number) => `delade ansökan med kommunens översikt för ${municipality} ${year}`,
      withdrawn: (municipality: string, year: number) => `tog tillbaka ansökan från kommunens översikt för ${municipality} ${year}`,
    },
  },

  estimate: {
    title: 'Snabb uppskattning av bidraget',
    lead: 'Har ni inget team på plats ännu? Skriv in ungefärliga siffror så räknar verktyget med samma regler som för en hel ansökan. Inget sparas.',
    grantYear: 'Bidragsår',
    municipality: 'Kommunen vars socialtjänst ska delta',
    municipalityHint: 'Socialstyrelsens belopp betalas till den kommunen.',
    municipalityChoose: 'Välj kommun',
    school: 'Skolpersonal',
    social: 'Personal från socialtjänsten',
    fte: 'Tjänstgöringsgrad sammanlagt',
    fteHint: 'Till exempel 1,5 för en heltid och en halvtid.',
    cost: 'Månadskostnad per heltid inklusive personalomkostnader, kronor',
    costHint: 'Till exempel 55 000.',
    months: 'Antal månader',
    monthsHint: 'Räknas från bidragsperiodens början, 1–12.',
    calculate: 'Räkna',
    result: 'Uppskattningen',
    assumptionsHeading: 'Det här räknar uppskattningen med',
    team: (municipality: string, from: string, to: string) => `Ett nytt team för grundskolan i ${municipality}, ${from} – ${to}.`,
    people: (all: string, school: string, social: string) => `${all}: ${school} från skolan och ${social} från socialtjänsten, var och en på högst heltid.`,
    assumed: [
      'Alla har relevant utbildning.',
      'Alla är nyanställda för teamet från periodens början och anställda tills vidare.',
      'Hela kostnaden per heltid räknas; inget annat stöd betalar någon del av den.',
    ],
    capped: 'Bidragsperioden är kortare än så många månader; uppskattningen gäller hela bidragsperioden.',
    staffing: { pass: 'Bemanningen räcker för bidrag', fail: 'Bemanningen räcker inte för bidrag', review: 'Bemanningen behöver bedömas' },
    amounts: 'Belopp',
    noMatched: 'Socialstyrelsens belopp till kommunerna lämnas från bidragsåret 2024.',
    riskHeading: 'Kommunens del och risken att betala tillbaka',
    riskWhy: (municipality: string, matched: string) =>
      `Socialstyrelsen ger ${municipality} lika mycket som Skolverket ger huvudmannen för teamet, ${matched}. Kommunen får använda högst hälften av sin egen kostnad för socialtjänstens personal i teamet.`,
    riskLeft: (usable: string, risk: string) => `Här är hälften av kostnaden ${usable}. Resten, ${risk}, kan kommunen få betala tillbaka.`,
    noRisk: 'Här är hälften av kostnaden minst lika mycket, så kommunen får använda hela beloppet.',
    removeRisk: (suggestion: string) => `Så tas risken bort: ${suggestion}. Då får kommunen använda hela beloppet.`,
    startDraft: 'Starta en ansökan med de här uppgifterna',
    startHint: 'Ett utkast skapas med teamet ovan. Byt sedan huvudmannen och personerna till era egna.',
    failed: 'Uppskattningen gick inte att räkna fram med de här uppgifterna. Ändra dem och försök igen.',
    exampleOrganiser: 'Uppskattning',
    exampleTeam: 'Uppskattat team',
    schoolRole: 'Skolkurator',
    socialRole: 'Socialsekreterare',
  },
};

export type Words = typeof sv;
