import type { Education, Engagement, Lang, OrganiserType, Origin, SchoolForm, Side, TeamStatusInput } from '../rules/types.ts';

/**
 * The API's words for an application: the values each enumerated field accepts, and what it
 * says about an invalid application, in Swedish and English side by side.
 *
 * Keys are the field (scope.field) or the field and a problem (scope.field.problem). Every
 * schema in application.ts reports one of these keys instead of zod's own text; the key is
 * translated here once all issues are collected. `missing` is said first when the value is
 * absent altogether (undefined or null), for fields the user must give. `{name}` placeholders
 * are filled from the params.
 */

interface Text {
  sv: string;
  en: string;
}

interface Message extends Text {
  missing?: Text;
}

/** Two or more allowed values, for a message: "a, b eller c" / "a, b or c". */
function alternatives(values: readonly string[], lang: Lang): string {
  return `${values.slice(0, -1).join(', ')} ${lang === 'sv' ? 'eller' : 'or'} ${values.at(-1)}`;
}

/** The members of a string union, from a record so the compiler checks that none is missing. */
function valuesOf<U extends string>(record: Record<U, true>): [U, ...U[]] {
  return Object.keys(record) as [U, ...U[]];
}

/** The values the API accepts for each enumerated field; the schemas and the messages both read them. */
export const allowed = {
  organiserType: valuesOf<OrganiserType>({ municipal: true, independent: true, region: true, municipal_association: true }),
  schoolForm: valuesOf<SchoolForm>({
    grundskola: true,
    gymnasieskola: true,
    anpassad_grundskola: true,
    anpassad_gymnasieskola: true,
    forskoleklass: true,
    specialskola: true,
    sameskola: true,
  }),
  teamStatus: valuesOf<TeamStatusInput>({ new: true, existing: true }),
  side: valuesOf<Side>({ school: true, social_services: true }),
  engagement: valuesOf<Engagement>({ employment: true, assignment: true }),
  education: valuesOf<Education>({
    psychosocial_degree: true,
    psychosocial_training: true,
    socionomexamen: true,
    other_relevant_degree: true,
    none: true,
    unknown: true,
  }),
  /** Psychosocial education belongs to the school side, socionomexamen and the like to social services. */
  educationBySide: {
    school: ['psychosocial_degree', 'psychosocial_training', 'none', 'unknown'],
    social_services: ['socionomexamen', 'other_relevant_degree', 'none', 'unknown'],
  } satisfies Record<Side, Education[]>,
  origin: valuesOf<Origin>({ new: true, previously_funded: true, redistributed: true }),
};

/** "Ange X: a, b eller c." in both languages. */
function oneOf(sv: string, en: string, values: readonly string[]): Text {
  return { sv: `${sv}: ${alternatives(values, 'sv')}.`, en: `${en}: ${alternatives(values, 'en')}.` };
}

export const messages = {
  /** Only for an issue no schema gave a key to; every schema should name its own. */
  invalid: {
    sv: 'Värdet har fel form. Kontrollera fältet.',
    en: 'The value has the wrong form. Check the field.',
  },
  'text.unstorable': {
    sv: 'Texten innehåller ett tecken som inte går att spara: ett styrtecken (till exempel NUL) eller ett ensamt surrogattecken. Ta bort det.',
    en: 'The text contains a character that cannot be stored: a control character (such as NUL) or a lone surrogate. Remove it.',
  },
  application: {
    sv: 'Skicka ansökan som ett JSON-objekt med grantYear, organiser och teams.',
    en: 'Send the application as a JSON object with grantYear, organiser and teams.',
  },
  'draft.unknownField': {
    sv: 'Ett utkast har bara fälten grantYear, organiser och teams, och det här fältet sparas inte. Inget har ändrats. Skicka ansökan själv, inte hela svaret från GET (där ligger den under application).',
    en: 'A draft has only the fields grantYear, organiser and teams, and this field is not stored. Nothing has changed. Send the application itself, not the whole answer from GET (where it is under application).',
  },
  grantYear: {
    missing: { sv: 'Bidragsåret saknas.', en: 'The grant year is missing.' },
    sv: 'Ange bidragsåret som ett årtal mellan 1900 och 2100, till exempel 2026.',
    en: 'Enter the grant year as a year between 1900 and 2100, for example 2026.',
  },
  'grantYear.noRuleSet': {
    sv: 'Det finns inga regler för bidragsår {year}. Verktyget känner till bidragsåren {years}.',
    en: 'There are no rules for grant year {year}. The tool knows the grant years {years}.',
  },

  organiser: {
    missing: { sv: 'Huvudmannen saknas.', en: 'The organiser is missing.' },
    sv: 'Ange huvudmannen som ett objekt med name, orgNumber och type.',
    en: 'Enter the organiser as an object with name, orgNumber and type.',
  },
  'organiser.name': {
    missing: { sv: 'Huvudmannens namn saknas.', en: "The organiser's name is missing." },
    sv: 'Ange huvudmannens namn, högst 200 tecken.',
    en: "Enter the organiser's name, at most 200 characters.",
  },
  'organiser.orgNumber': {
    missing: { sv: 'Organisationsnumret saknas.', en: 'The organisation number is missing.' },
    sv: 'Ange organisationsnumret med tio siffror, som NNNNNN-NNNN, till exempel 212000-0142.',
    en: 'Enter the organisation number as ten digits, written NNNNNN-NNNN, for example 212000-0142.',
  },
  'organiser.orgNumber.checkDigit': {
    sv: 'Organisationsnumret stämmer inte: den sista siffran är en kontrollsiffra som inte passar ihop med de nio första. Kontrollera numret, till exempel i registreringsbeviset.',
    en: 'The organisation number is not right: the last digit is a check digit that does not match the first nine. Check the number, for example on the registration certificate.',
  },
  'organiser.type': {
    missing: { sv: 'Typ av huvudman saknas.', en: 'The type of organiser is missing.' },
    ...oneOf('Ange typ av huvudman', 'Enter the type of organiser', allowed.organiserType),
  },

  teams: {
    missing: { sv: 'Teamen saknas.', en: 'The teams are missing.' },
    sv: 'Ange teamen som en lista med minst 1 och högst 20 team.',
    en: 'Enter the teams as a list of at least 1 and at most 20 teams.',
  },
  team: {
    sv: 'Ange teamet som ett objekt med name, schoolForms, municipalityCode och members.',
    en: 'Enter the team as an object with name, schoolForms, municipalityCode and members.',
  },
  'team.id': {
    sv: 'Ange teamets id med 1–64 tecken: bokstäver a–z, siffror, - och _, till exempel t1. Utelämna det för ett nytt team.',
    en: "Enter the team's id as 1–64 characters: letters a–z, digits, - and _, for example t1. Leave it out for a new team.",
  },
  'team.id.duplicate': {
    sv: 'Samma id används för flera team. Ge varje team ett eget id, eller utelämna det för ett nytt team.',
    en: 'The same id is used for more than one team. Give every team an id of its own, or leave it out for a new team.',
  },
  'team.name': {
    missing: { sv: 'Teamets namn saknas.', en: "The team's name is missing." },
    sv: 'Ange teamets namn, högst 200 tecken.',
    en: "Enter the team's name, at most 200 characters.",
  },
  'team.schoolForms': {
    missing: { sv: 'Skolformerna saknas.', en: 'The school forms are missing.' },
    ...oneOf(
      'Ange de skolformer teamet arbetar i som en lista med minst en av',
      'Enter the school forms the team works in as a list of at least one of',
      allowed.schoolForm,
    ),
  },
  'team.schoolForms.duplicate': {
    sv: 'Samma skolform står flera gånger. Ange varje skolform en gång.',
    en: 'The same school form is listed more than once. List each school form once.',
  },
  'team.municipalityCode': {
    missing: { sv: 'Kommunkoden saknas.', en: 'The municipality code is missing.' },
    sv: 'Ange kommunkoden för den kommun där teamet arbetar, fyra siffror som text, till exempel "0180" för Stockholm.',
    en: 'Enter the code of the municipality the team works in, four digits as text, for example "0180" for Stockholm.',
  },
  'team.period': {
    sv: 'Ange teamets period som ett objekt med from och to, eller utelämna den för hela bidragsperioden.',
    en: "Enter the team's period as an object with from and to, or leave it out for the whole grant period.",
  },
  'team.period.from': {
    missing: { sv: 'Periodens startdatum saknas.', en: 'The start date of the period is missing.' },
    sv: 'Ange periodens startdatum som ett datum som finns, i formen ÅÅÅÅ-MM-DD, till exempel 2026-01-01.',
    en: 'Enter the start date of the period as a real date, written YYYY-MM-DD, for example 2026-01-01.',
  },
  'team.period.to': {
    missing: { sv: 'Periodens slutdatum saknas.', en: 'The end date of the period is missing.' },
    sv: 'Ange periodens slutdatum som ett datum som finns, i formen ÅÅÅÅ-MM-DD, till exempel 2026-12-31.',
    en: 'Enter the end date of the period as a real date, written YYYY-MM-DD, for example 2026-12-31.',
  },
  'team.period.order': {
    sv: 'Periodens slutdatum ligger före startdatumet. Ange ett slutdatum (to) som är samma dag som startdatumet (from) eller senare.',
    en: 'The end of the period is before its start. Enter an end date (to) on or after the start date (from).',
  },
  'team.period.outside': {
    sv: 'Teamets period måste ligga inom bidragsperioden {from}–{to}. Ändra datumen eller utelämna perioden för hela bidragsperioden.',
    en: "The team's period must lie within the grant period {from}–{to}. Change the dates, or leave the period out for the whole grant period.",
  },
  'team.status': oneOf('Ange om teamet är nytt eller redan finns', 'Enter whether the team is new or already exists', allowed.teamStatus),
  'team.previouslyGrantedFte': {
    sv: 'Ange den tjänstgöringsgrad som tidigare beviljats som ett tal från 0 till 100, med högst två decimaler, till exempel 1.5.',
    en: 'Enter the previously granted fte as a number from 0 to 100, with at most two decimals, for example 1.5.',
  },
  'team.contractEducation': {
    sv: 'Ange true om teamet arbetar i utbildning på entreprenad, annars false.',
    en: 'Enter true if the team works in contracted education, otherwise false.',
  },
  'team.members': {
    missing: { sv: 'Teamets medlemmar saknas.', en: "The team's members are missing." },
    sv: 'Ange teamets medlemmar som en lista med minst 1 och högst 50 personer.',
    en: "Enter the team's members as a list of at least 1 and at most 50 people.",
  },

  member: {
    sv: 'Ange medlemmen som ett objekt med id, side, engagement, fte, start, education, origin och monthlySalary.',
    en: 'Enter the member as an object with id, side, engagement, fte, start, education, origin and monthlySalary.',
  },
  'member.id': {
    missing: { sv: 'Medlemmens id saknas.', en: "The member's id is missing." },
    sv: 'Ange ett id för medlemmen, 1–64 tecken, till exempel m1.',
    en: 'Enter an id for the member, 1–64 characters, for example m1.',
  },
  'member.id.draft': {
    sv: 'Ange medlemmens id med 1–64 tecken: bokstäver a–z, siffror, - och _, till exempel p1. Utelämna det för en ny medlem.',
    en: "Enter the member's id as 1–64 characters: letters a–z, digits, - and _, for example p1. Leave it out for a new member.",
  },
  'member.id.duplicate': {
    sv: 'Samma id används för flera medlemmar. Ge varje medlem i ansökan ett eget id.',
    en: 'The same id is used for more than one member. Give every member in the application an id of its own.',
  },
  'member.side': {
    missing: { sv: 'Uppgift om vilken sida medlemmen arbetar för saknas.', en: 'The side the member works for is missing.' },
    sv: 'Ange school om medlemmen arbetar för skolan, social_services om medlemmen arbetar för socialtjänsten.',
    en: 'Enter school if the member works for the school, social_services if the member works for social services.',
  },
  'member.role': {
    sv: 'Ange rollen som text, högst 200 tecken, eller utelämna den.',
    en: 'Enter the role as text, at most 200 characters, or leave it out.',
  },
  'member.engagement': {
    missing: { sv: 'Anställningsformen saknas.', en: 'The form of engagement is missing.' },
    sv: 'Ange employment om medlemmen är anställd, assignment om medlemmen arbetar på uppdrag.',
    en: 'Enter employment if the member is employed, assignment if the member works on assignment.',
  },
  'member.fte': {
    missing: { sv: 'Tjänstgöringsgraden saknas.', en: 'The fte is missing.' },
    sv: 'Ange tjänstgöringsgraden som ett tal större än 0 och högst 1, med högst två decimaler, till exempel 0.5.',
    en: 'Enter the fte as a number above 0 and at most 1, with at most two decimals, for example 0.5.',
  },
  'member.start': {
    missing: { sv: 'Startdatumet saknas.', en: 'The start date is missing.' },
    sv: 'Ange när medlemmen börjar i teamet, ett datum som finns i formen ÅÅÅÅ-MM-DD, till exempel 2025-08-15.',
    en: 'Enter when the member starts in the team, a real date written YYYY-MM-DD, for example 2025-08-15.',
  },
  'member.end': {
    sv: 'Ange när medlemmen slutar i teamet, ett datum som finns i formen ÅÅÅÅ-MM-DD, eller null om det inte finns något slutdatum.',
    en: 'Enter when the member leaves the team, a real date written YYYY-MM-DD, or null if there is no end date.',
  },
  'member.end.beforeStart': {
    sv: 'Slutdatumet ligger före startdatumet. Ange ett slutdatum (end) som är samma dag som startdatumet (start) eller senare.',
    en: 'The end date is before the start date. Enter an end date (end) on or after the start date (start).',
  },
  'member.education': {
    missing: { sv: 'Utbildningen saknas.', en: 'The education is missing.' },
    ...oneOf('Ange medlemmens utbildning', "Enter the member's education", allowed.education),
  },
  'member.education.school': oneOf(
    'Utbildningen passar inte en medlem från skolan (side school). Ange en av',
    'That education does not fit a member from the school (side school). Enter one of',
    allowed.educationBySide.school,
  ),
  'member.education.social_services': oneOf(
    'Utbildningen passar inte en medlem från socialtjänsten (side social_services). Ange en av',
    'That education does not fit a member from social services (side social_services). Enter one of',
    allowed.educationBySide.social_services,
  ),
  'member.educationNote': {
    sv: 'Ange kommentaren om utbildningen som text, högst 500 tecken, eller utelämna den.',
    en: 'Enter the note on the education as text, at most 500 characters, or leave it out.',
  },
  'member.origin': {
    missing: { sv: 'Uppgift om tjänstens ursprung saknas.', en: 'The origin of the post is missing.' },
    ...oneOf(
      'Ange om tjänsten är ny, tidigare finansierad eller omfördelad',
      'Enter whether the post is new, previously funded or redistributed',
      allowed.origin,
    ),
  },
  'member.monthlySalary': {
    missing: { sv: 'Månadslönen saknas.', en: 'The monthly salary is missing.' },
    sv: 'Ange månadslönen (eller arvodet) vid heltid i kronor, från 0 till 10 000 000 med högst två decimaler, till exempel 42000.',
    en: 'Enter the monthly salary (or fee) at full time in kronor, from 0 to 10 000 000 with at most two decimals, for example 42000.',
  },
  'member.employerCostRate': {
    sv: 'Ange arbetsgivaravgiften som en andel från 0 till 1 med högst sex decimaler, till exempel 0.3142, eller utelämna den.',
    en: "Enter the employer's contribution rate as a fraction from 0 to 1 with at most six decimals, for example 0.3142, or leave it out.",
  },
  'member.actualCost': {
    sv: 'Ange den faktiska personalkostnaden under teamets period i kronor, med arbetsgivaravgifter, från 0 till 1 000 000 000 med högst två decimaler, till exempel 512345.50, eller utelämna den.',
    en: "Enter the actual personnel cost during the team's period in kronor, employer costs included, from 0 to 1 000 000 000 with at most two decimals, for example 512345.50, or leave it out.",
  },
  'member.otherFundingShare': {
    sv: 'Ange den andel av kostnaden som betalas med andra statsbidrag, ett tal från 0 till 1 med högst sex decimaler, till exempel 0.25, eller utelämna den.',
    en: 'Enter the share of the cost paid by other state grants, a number from 0 to 1 with at most six decimals, for example 0.25, or leave it out.',
  },
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof messages;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

/** The text for a key in a language; `missing` puts the "… saknas." sentence first. */
export function translate(key: MessageKey, lang: Lang, { missing = false, params = {} }: { missing?: boolean; params?: Record<string, unknown> } = {}): string {
  const message: Message = messages[key];
  const text = message[lang].replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : placeholder));
  return missing && message.missing ? `${message.missing[lang]} ${text}` : text;
}
