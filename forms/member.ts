/** A member's page: side, role, engagement, fte, dates, education, origin and cost. */
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import type { DraftMember } from './draft-application.ts';
import { allowed } from './application-messages.ts';
import { ambiguousAmount, choice, date, decimal, optional, text, whenValid, type Messages } from './page-form.ts';

/** The largest actual cost of one member the page accepts, kronor (a year's salary is far below). */
export const MAX_ACTUAL_COST = 100_000_000;

export const memberForm = z
  .object({
    side: choice('side', allowed.side),
    role: text('role', { max: 200, optional: true }),
    engagement: choice('engagement', allowed.engagement),
    fte: decimal('fte', { min: 0, exclusiveMin: true, max: 1, maxDecimals: 2, read: 'fte', places: 2 }),
    start: date('start'),
    end: optional(date('end')),
    education: choice('education', allowed.education),
    educationNote: text('educationNote', { max: 500, optional: true }),
    origin: choice('origin', allowed.origin),
    monthlySalary: decimal('monthlySalary', { min: 0, max: 10_000_000, maxDecimals: 2, read: 'amount' }),
    employerCostRate: optional(decimal('employerCostRate', { min: 0, max: 1, maxDecimals: 6, read: 'rate' })),
    /** "Vet inte": no rate known for an employment; stored as 0, which the result warns about (D17). */
    employerCostRateUnknown: optional(choice('employerCostRateUnknown', ['yes'])),
    otherFundingShare: optional(decimal('otherFundingShare', { min: 0, max: 1, maxDecimals: 6, read: 'rate' })),
    /** Settlements only (decision D19): the actual cost from the ledger, kronor with at most öre. */
    actualCost: optional(decimal('actualCost', { min: 0, max: MAX_ACTUAL_COST, maxDecimals: 2, read: 'amount' })),
  })
  .superRefine(
    (member, ctx) => {
      if (member.end && member.end < member.start) ctx.addIssue({ code: 'custom', message: 'endBeforeStart', path: ['end'] });
    },
    whenValid('start', 'end'),
  )
  .superRefine(
    (member, ctx) => {
      const fitting: readonly string[] = allowed.educationBySide[member.side];
      if (!fitting.includes(member.education)) ctx.addIssue({ code: 'custom', message: `education_${member.side}`, path: ['education'] });
    },
    whenValid('side', 'education'),
  )
  .superRefine(
    (member, ctx) => {
      if (member.engagement === 'employment' && member.employerCostRate === undefined && !member.employerCostRateUnknown) {
        ctx.addIssue({ code: 'custom', message: 'employerCostRate_required', path: ['employerCostRate'] });
      }
    },
    whenValid('engagement', 'employerCostRate', 'employerCostRateUnknown'),
  )
  .transform(({ employerCostRateUnknown: _unknown, actualCost, ...member }) => ({
    ...member,
    end: member.end ?? null,
    employerCostRate: member.employerCostRate ?? '0',
    otherFundingShare: member.otherFundingShare ?? '0',
    ...(actualCost !== undefined && { actualCost }),
  }));

/** An employment stored without employer costs: what "Vet inte" saves (and the result warns about, D17). */
export function employerCostUnknown(member: Pick<DraftMember, 'engagement' | 'employerCostRate'>): boolean {
  return member.engagement === 'employment' && new Decimal(member.employerCostRate).isZero();
}

/** The dates' messages, with examples in the given year (the journey passes the application's bidragsår). */
export function memberDateMessages(year: number): Messages {
  return {
    start: { sv: `Skriv första dagen som ${year}-08-15 eller 15/8 ${year}.`, en: `Enter the first day as ${year}-08-15 or 15/8 ${year}.` },
    end: {
      sv: `Skriv sista dagen som ${year}-12-31 eller 31/12 ${year}, eller lämna tomt om den gäller tills vidare.`,
      en: `Enter the last day as ${year}-12-31 or 31/12 ${year}, or leave it empty if open-ended.`,
    },
  };
}

export const memberMessages: Messages = {
  side: { sv: 'Välj om personen är skolpersonal eller kommer från socialtjänsten.', en: 'Choose whether the person is school staff or from social services.' },
  role: { sv: 'Skriv rollen med högst 200 tecken.', en: 'Enter the role in at most 200 characters.' },
  engagement: { sv: 'Välj anställning eller uppdrag.', en: 'Choose employment or assignment.' },
  fte: {
    sv: 'Skriv tjänstgöringsgraden i teamet, till exempel 0,5, 1 eller 50 %. Den ska vara större än 0 och högst 1.',
    en: 'Enter the fte in the team, for example 0.5, 1 or 50 %. It must be above 0 and at most 1.',
  },
  fte_ambiguous: {
    sv: 'Menar du {value} % eller {value} heltider? En person kan ha högst 1 (heltid) i teamet. Skriv till exempel 1 för heltid, 0,5 för halvtid eller {value} % om du menar procent.',
    en: 'Do you mean {value} % or {value} full-time posts? One person can have at most 1 (full time) in the team. Enter for example 1 for full time, 0.5 for half time or {value} % if you mean a percentage.',
  },
  ...memberDateMessages(2025),
  endBeforeStart: {
    sv: 'Sista dagen ligger före första dagen. Skriv en sista dag som är samma dag eller senare.',
    en: 'The last day is before the first. Enter a last day on or after the first.',
  },
  education: { sv: 'Välj personens utbildning, eller "Vet inte ännu".', en: 'Choose the person\'s education, or "Not known yet".' },
  education_school: {
    sv: 'För skolpersonal: välj examen eller kurser i psykosocialt arbete, ingen relevant utbildning eller vet inte ännu.',
    en: 'For school staff: choose a degree or courses in psychosocial work, no relevant education, or not known yet.',
  },
  education_social_services: {
    sv: 'För personal från socialtjänsten: välj socionomexamen, annan relevant examen, ingen relevant utbildning eller vet inte ännu.',
    en: 'For social-services staff: choose socionomexamen, another relevant degree, no relevant education, or not known yet.',
  },
  educationNote: { sv: 'Skriv högst 500 tecken om utbildningen.', en: 'Write at most 500 characters about the education.' },
  origin: {
    sv: 'Välj om personen är nytillsatt, tidigare finansierad med bidraget eller omfördelad.',
    en: 'Choose whether the person is newly engaged, previously funded by the grant, or redistributed.',
  },
  monthlySalary: {
    sv: 'Skriv månadslönen eller arvodet vid heltid i kronor, till exempel 42 000.',
    en: 'Enter the monthly salary or fee at full time in kronor, for example 42 000.',
  },
  monthlySalary_ambiguous: ambiguousAmount,
  employerCostRate: {
    sv: 'Skriv personalomkostnadspålägget i procent, till exempel 31,42 %.',
    en: 'Enter the employer cost rate as a percentage, for example 31.42 %.',
  },
  employerCostRate_required: {
    sv: 'Skriv personalomkostnadspålägget för anställningen, till exempel 31,42 %, eller välj "Vet inte".',
    en: 'Enter the employer cost rate for the employment, for example 31.42 %, or choose "Do not know".',
  },
  employerCostRate_ambiguous: {
    sv: 'Menar du 1 % eller 100 %? Skriv pålägget med procenttecken, till exempel 31,42 %.',
    en: 'Do you mean 1 % or 100 %? Enter the rate with a percent sign, for example 31.42 %.',
  },
  employerCostRateUnknown: { sv: 'Välj "Vet inte" eller skriv pålägget.', en: 'Choose "Do not know" or enter the rate.' },
  otherFundingShare: {
    sv: 'Skriv hur stor del andra statsbidrag betalar, till exempel 25 %, eller lämna tomt.',
    en: 'Enter how much other state grants pay, for example 25 %, or leave it empty.',
  },
  actualCost: {
    sv: 'Skriv den faktiska kostnaden enligt bokföringen i kronor, till exempel 412 345 eller 412 345,50, eller lämna tomt om den inte är känd.',
    en: 'Enter the actual cost from the accounts in kronor, for example 412 345 or 412 345.50, or leave it empty if not known.',
  },
  actualCost_ambiguous: ambiguousAmount,
  otherFundingShare_ambiguous: {
    sv: 'Menar du 1 % eller hela kostnaden (100 %)? Skriv andelen med procenttecken, till exempel 25 % eller 100 %.',
    en: 'Do you mean 1 % or the whole cost (100 %)? Enter the share with a percent sign, for example 25 % or 100 %.',
  },
};

export const memberLabels = {
  sv: {
    side: { school: 'Skolpersonal', social_services: 'Personal från socialtjänsten' },
    engagement: { employment: 'Anställning', assignment: 'Uppdrag' },
    education: {
      psychosocial_degree: 'Examen i psykosocialt arbete (skolpersonal), till exempel socionom, psykolog eller beteendevetare',
      psychosocial_training: 'Kurser i psykosocialt arbete (skolpersonal), till exempel KBT, MI eller familjeterapi',
      socionomexamen: 'Socionomexamen (socialtjänsten)',
      other_relevant_degree: 'Annan relevant examen på minst grundnivå (socialtjänsten)',
      none: 'Ingen relevant utbildning',
      unknown: 'Vet inte ännu',
    },
    origin: { new: 'Nytillsatt', previously_funded: 'Tidigare finansierad med bidraget', redistributed: 'Omfördelad från befintlig personal' },
  },
  en: {
    side: { school: 'School staff', social_services: 'Social-services staff' },
    engagement: { employment: 'Employment', assignment: 'Assignment' },
    education: {
      psychosocial_degree: 'Degree in psychosocial work (school staff), for example social worker, psychologist or behavioural scientist',
      psychosocial_training: 'Courses in psychosocial work (school staff), for example CBT, MI or family therapy',
      socionomexamen: 'Social work degree, socionomexamen (social services)',
      other_relevant_degree: 'Another relevant degree at least at first-cycle level (social services)',
      none: 'No relevant education',
      unknown: 'Not known yet',
    },
    origin: { new: 'Newly engaged', previously_funded: 'Previously funded by the grant', redistributed: 'Redistributed from existing staff' },
  },
} as const;

/**
 * What usually counts and what does not, beside each education option (the education rule, rules/member-education.ts).
 * Skolverket assesses; the examples help people choose, they decide nothing.
 */
export const educationHints = {
  sv: {
    legend: 'Det är Skolverket som bedömer om utbildningen räknas. Exemplen visar vad som brukar räknas och vad som inte gör det.',
    groups: { school: 'Om personen är skolpersonal', social_services: 'Om personen kommer från socialtjänsten', any: 'Oavsett varifrån personen kommer' },
    options: {
      psychosocial_degree:
        'Brukar räknas: socionom-, psykolog-, beteendevetar- eller socialpedagogexamen. En lärar-, speciallärar- eller specialpedagogexamen räknas oftast inte ensam.',
      psychosocial_training:
        'Kan räknas: högskolekurser i till exempel KBT, MI (motiverande samtal), familjeterapi eller behandlingspedagogik, också för den som är lärare, speciallärare eller specialpedagog. Skolverket bedömer om kurserna räcker.',
      socionomexamen: 'Räknas.',
      other_relevant_degree:
        'Kan räknas: till exempel socialpedagogexamen eller kandidatexamen i psykologi, sociologi eller behandlingspedagogik, helst 180 hp. Skolverket bedömer om examen är relevant.',
      none: 'Till exempel en lärar-, speciallärar- eller specialpedagogexamen utan kurser i psykosocialt arbete. Personen räknas då inte in i bemanningen och ger inget bidrag.',
      unknown: 'Resultatet blir "Behöver bedömas" tills utbildningen är känd. Skriv det du vet under "Om utbildningen".',
    },
  },
  en: {
    legend: 'Skolverket assesses whether the education counts. The examples show what usually counts and what does not.',
    groups: { school: 'If the person is school staff', social_services: 'If the person is from social services', any: 'Whichever side the person is on' },
    options: {
      psychosocial_degree:
        'Usually counts: a degree as social worker (socionom), psychologist, behavioural scientist or social pedagogue. A teacher, special-needs teacher (speciallärare) or special educator (specialpedagog) degree alone usually does not.',
      psychosocial_training:
        'May count: university courses in, for example, CBT, MI (motivational interviewing), family therapy or treatment pedagogy, also for a teacher, speciallärare or specialpedagog. Skolverket assesses whether they are enough.',
      socionomexamen: 'Counts.',
      other_relevant_degree:
        "May count: for example a social pedagogue degree or a bachelor's degree in psychology, sociology or treatment pedagogy, preferably 180 credits. Skolverket assesses its relevance.",
      none: 'For example a teacher, speciallärare or specialpedagog degree without courses in psychosocial work. The person then does not count towards the staffing and gives no grant.',
      unknown: 'The result will be "Needs review" until the education is known. Write what you know under "About the education".',
    },
  },
} as const;
