/**
 * The words of "Om tjänsten" (/om-tjansten) and of the contact in the accessibility statement:
 * who runs the service (from the settings, src/config.ts), what it does and does not do, what
 * it keeps and for how long (the numbers are the stores' own constants), who can see what, and
 * how to reach the owner.
 */
import type { Lang } from '../rules/types.ts';
import type { ServiceInfo } from './config.ts';
import { LINK_KEPT_DAYS, HANDOFF_LINK_DAYS } from './drafts/handoff.ts';
import { OVERVIEW_RETENTION_DAYS } from './drafts/overviews.ts';
import { DRAFT_RETENTION_DAYS } from './drafts/store.ts';

const words = {
  sv: {
    title: 'Om tjänsten',
    whoHeading: 'Vem driver tjänsten',
    owner: (owner: string) => `Tjänsten drivs av ${owner}.`,
    noOwner:
      'Den som driver tjänsten har inte angett sitt namn här ännu. Den kommun eller organisation som driver tjänsten ska ange namn, kontaktadress och integritetspolicy i tjänstens inställningar.',
    whatHeading: 'Vad tjänsten gör och inte gör',
    what: [
      'Tjänsten prövar ett skolsocialt team mot villkoren i förordningen (2023:179) om statsbidrag för personalkostnader för skolsociala team, förklarar varje villkor och räknar ut de högsta belopp som kan lämnas.',
      'Tjänsten lämnar inte in något. Huvudmannen ansöker hos Skolverket och kommunen rekvirerar sin del från Socialstyrelsen. Det är myndigheterna som beslutar om bidraget; beloppen här är inte ett besked.',
    ],
    storedHeading: 'Vad som sparas och hur länge',
    stored: [
      `Ett utkast sparas i ${DRAFT_RETENTION_DAYS} dagar efter att det senast sparades och raderas sedan med sina länkar, delningar och sin historik. Du kan radera det när som helst.`,
      `En länk för en del av ett team gäller i ${HANDOFF_LINK_DAYS} dagar. En utgången eller återkallad länk visas som sådan i ${LINK_KEPT_DAYS} dagar och raderas sedan.`,
      `En översikt för kommunen sparas i ${OVERVIEW_RETENTION_DAYS} dagar efter att den senast öppnades eller ändrades och raderas sedan med sina delningar.`,
      'Namn på personer efterfrågas aldrig; personerna i ett team anges med sin roll.',
      'Serverns logg innehåller aldrig id, länkar, nycklar, koder, löner, namn eller det som skrivs i formulären.',
    ],
    whoSeesHeading: 'Vem ser vad',
    whoSees: [
      ['Länken till ett utkast', 'Hela utkastet: se och ändra allt, också löner, ladda ner, dela och radera. Ge den bara till den som samordnar ansökan.'],
      ['En länk för en del av ett team', 'Bara personerna på den ena sidan, skolpersonalen eller socialtjänstens personal, av ett enda team.'],
      [
        'Länken till kommunens översikt',
        'De team som samordnarna har delat med översikten, med bedömning och belopp; aldrig löner, organisationsnummer eller personer.',
      ],
      ['Inskickningskoden', 'Ingenting att läsa: den låter en samordnare dela sin ansökan med kommunens översikt.'],
    ],
    privacyHeading: 'Personuppgifter',
    privacy: 'Så här behandlar den som driver tjänsten personuppgifter:',
    noPrivacy: 'Den här sidan beskriver vad tjänsten sparar. Den som driver tjänsten har inte angett någon egen integritetspolicy ännu.',
    contactHeading: 'Kontakt',
    contact: 'Frågor om tjänsten, om dina uppgifter eller om tillgängligheten skickar du till',
    noContact: 'Ingen kontaktadress är angiven ännu. Kontakta den som driver tjänsten hos din kommun.',
  },
  en: {
    title: 'About the service',
    whoHeading: 'Who runs the service',
    owner: (owner: string) => `The service is run by ${owner}.`,
    noOwner:
      'Whoever runs the service has not given their name here yet. The municipality or organisation running the service should set its name, contact address and privacy notice in the service settings.',
    whatHeading: 'What the service does and does not do',
    what: [
      'The service checks a school-social team against the conditions of the ordinance (2023:179) on state grants for the staff costs of school-social teams, explains each condition and calculates the highest amounts that can be granted.',
      'The service submits nothing. The organiser applies to Skolverket and the municipality requisitions its part from Socialstyrelsen. The agencies decide on the grant; the amounts here are not a decision.',
    ],
    storedHeading: 'What is stored and for how long',
    stored: [
      `A draft is kept for ${DRAFT_RETENTION_DAYS} days after it was last saved, then deleted with its links, shares and history. You can delete it at any time.`,
      `A link to one side of a team works for ${HANDOFF_LINK_DAYS} days. An expired or revoked link is shown as such for ${LINK_KEPT_DAYS} days, then deleted.`,
      `A municipality's overview is kept for ${OVERVIEW_RETENTION_DAYS} days after it was last opened or changed, then deleted with its shares.`,
      'Names of people are never asked for; the people in a team are given by their role.',
      "The server's log never holds ids, links, keys, codes, salaries, names or what is typed into the forms.",
    ],
    whoSeesHeading: 'Who sees what',
    whoSees: [
      [
        'The link to a draft',
        'The whole draft: see and change everything, including salaries, download, share and delete. Give it only to whoever coordinates the application.',
      ],
      ['A link to one side of a team', "Only the people on one side, school staff or social services' staff, of a single team."],
      [
        "The link to the municipality's overview",
        'The teams the coordinators have shared with the overview, with assessment and amounts; never salaries, organisation numbers or people.',
      ],
      ['The submission code', "Nothing to read: it lets a coordinator share their application with the municipality's overview."],
    ],
    privacyHeading: 'Personal data',
    privacy: 'How whoever runs the service handles personal data:',
    noPrivacy: 'This page describes what the service stores. Whoever runs the service has not given a privacy notice of its own yet.',
    contactHeading: 'Contact',
    contact: 'Send questions about the service, your data or accessibility to',
    noContact: 'No contact address has been given yet. Contact whoever runs the service in your municipality.',
  },
};

/** How to reach the owner: a sentence and the address, or what to do when none is set. */
export function contactView(service: ServiceInfo, lang: Lang) {
  const w = words[lang];
  return service.contactEmail ? { text: w.contact, email: service.contactEmail } : { text: w.noContact };
}

/** Everything the about page says, with the settings filled in. */
export function aboutView(service: ServiceInfo, lang: Lang) {
  const w = words[lang];
  return {
    ...w,
    ownerText: service.owner ? w.owner(service.owner) : w.noOwner,
    privacyUrl: service.privacyUrl,
    contact: contactView(service, lang),
  };
}
