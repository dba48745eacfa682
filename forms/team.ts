/** A team's page: name, school forms, kommun, period, new or existing, previous grant, contract education. */
import * as z from 'zod';
import type { DateRange } from '../rules/types.ts';
import { allowed } from './application-messages.ts';
import { isMunicipalityCode } from './municipalities.ts';
import { checkboxes, choice, date, decimal, optional, text, whenValid, type Messages } from './page-form.ts';

/** The form, with the period checked against the grant period when the year is known. */
export function teamForm(grantPeriod: DateRange | undefined) {
  return z
    .object({
      name: text('name', { max: 200 }),
      schoolForms: checkboxes('schoolForms', allowed.schoolForm),
      municipalityCode: z.string({ error: 'municipalityCode' }).refine(isMunicipalityCode, 'municipalityCode'),
      periodFrom: optional(date('periodFrom')),
      periodTo: optional(date('periodTo')),
      status: choice('status', allowed.teamStatus),
      previouslyGrantedFte: optional(decimal('previouslyGrantedFte', { min: 0, max: 100, maxDecimals: 2, places: 2 })),
      contractEducation: choice('contractEducation', ['yes', 'no']),
    })
    .superRefine(
      (team, ctx) => {
        if (Boolean(team.periodFrom) !== Boolean(team.periodTo)) {
          ctx.addIssue({ code: 'custom', message: 'periodBoth', path: [team.periodFrom ? 'periodTo' : 'periodFrom'] });
        } else if (team.periodFrom && team.periodTo && team.periodTo < team.periodFrom) {
          ctx.addIssue({ code: 'custom', message: 'periodOrder', path: ['periodTo'] });
        } else if (grantPeriod && team.periodFrom && team.periodTo) {
          const inside = (d: string) => d >= grantPeriod.from && d <= grantPeriod.to;
          if (!inside(team.periodFrom)) ctx.addIssue({ code: 'custom', message: 'periodOutside', path: ['periodFrom'] });
          else if (!inside(team.periodTo)) ctx.addIssue({ code: 'custom', message: 'periodOutside', path: ['periodTo'] });
        }
      },
      whenValid('periodFrom', 'periodTo'),
    )
    .transform(({ periodFrom, periodTo, contractEducation, previouslyGrantedFte, ...team }) => ({
      ...team,
      period: periodFrom && periodTo ? { from: periodFrom, to: periodTo } : null,
      previouslyGrantedFte: previouslyGrantedFte ?? '0',
      contractEducation: contractEducation === 'yes',
    }));
}

/** The team page's messages; the dates' examples lie in `year`, the application's bidragsår. */
export function teamMessages(grantPeriod: DateRange | undefined, year: number): Messages {
  const period = grantPeriod ? `${grantPeriod.from}–${grantPeriod.to}` : '';
  return {
    name: { sv: 'Skriv teamets namn, till exempel Skolsocialt team Norr.', en: "Enter the team's name, for example School-social team North." },
    schoolForms: { sv: 'Välj minst en skolform som teamet arbetar i.', en: 'Choose at least one school form the team works in.' },
    municipalityCode: { sv: 'Välj kommunen vars socialtjänst deltar i teamet.', en: 'Choose the municipality whose social services take part in the team.' },
    periodFrom: {
      sv: `Skriv periodens första dag som ${year}-01-01 eller 1/1 ${year}.`,
      en: `Enter the first day of the period as ${year}-01-01 or 1/1 ${year}.`,
    },
    periodTo: {
      sv: `Skriv periodens sista dag som ${year}-12-31 eller 31/12 ${year}.`,
      en: `Enter the last day of the period as ${year}-12-31 or 31/12 ${year}.`,
    },
    periodBoth: {
      sv: 'Fyll i både första och sista dagen, eller lämna båda tomma för hela bidragsperioden.',
      en: 'Fill in both the first and the last day, or leave both empty for the whole grant period.',
    },
    periodOrder: {
      sv: 'Periodens sista dag ligger före den första. Skriv en sista dag som är samma dag eller senare.',
      en: 'The last day of the period is before the first. Enter a last day on or after the first.',
    },
    periodOutside: {
      sv: `Perioden måste ligga inom bidragsperioden ${period}.`,
      en: `The period must lie within the grant period ${period}.`,
    },
    status: { sv: 'Välj om teamet är nytt eller redan finns.', en: 'Choose whether the team is new or already exists.' },
    previouslyGrantedFte: {
      sv: 'Skriv antalet årsarbetskrafter som ett tal, till exempel 1 eller 1,5, eller lämna tomt.',
      en: 'Enter the number of full-time equivalents as a number, for example 1 or 1.5, or leave it empty.',
    },
    contractEducation: { sv: 'Välj om teamets arbete gäller uppdragsutbildning.', en: "Choose whether the team's work concerns contract education." },
  };
}

export const schoolFormLabels = {
  sv: {
    grundskola: 'Grundskola',
    gymnasieskola: 'Gymnasieskola',
    anpassad_grundskola: 'Anpassad grundskola',
    anpassad_gymnasieskola: 'Anpassad gymnasieskola',
    forskoleklass: 'Förskoleklass',
    specialskola: 'Specialskola',
    sameskola: 'Sameskola',
  },
  en: {
    grundskola: 'Compulsory school (grundskola)',
    gymnasieskola: 'Upper secondary school (gymnasieskola)',
    anpassad_grundskola: 'Adapted compulsory school',
    anpassad_gymnasieskola: 'Adapted upper secondary school',
    forskoleklass: 'Preschool class',
    specialskola: 'Special school',
    sameskola: 'Sami school',
  },
} as const;
