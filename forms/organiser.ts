/** The huvudman page: name, organisationsnummer and type. */
import * as z from 'zod';
import { allowed } from './application-messages.ts';
import { normaliseOrgNumber, orgNumberProblem } from './org-number.ts';
import { choice, text, type Messages } from './page-form.ts';

export const organiserForm = z.object({
  name: text('name', { max: 200 }),
  orgNumber: z.string({ error: 'orgNumber' }).transform((input, ctx) => {
    const compact = input.replace(/[\s\u00a0]/g, '');
    const problem = orgNumberProblem(compact);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem === 'checkDigit' ? 'orgNumberCheckDigit' : 'orgNumber' });
      return z.NEVER;
    }
    return normaliseOrgNumber(compact);
  }),
  type: choice('type', allowed.organiserType),
});

export const organiserMessages: Messages = {
  name: { sv: 'Skriv huvudmannens namn, till exempel Exempla kommun.', en: "Enter the organiser's name, for example Exempla kommun." },
  orgNumber: {
    sv: 'Skriv organisationsnumret med tio siffror, till exempel 212000-0142.',
    en: 'Enter the organisation number as ten digits, for example 212000-0142.',
  },
  orgNumberCheckDigit: {
    sv: 'Organisationsnumret stämmer inte. Kontrollera siffrorna, till exempel i registreringsbeviset.',
    en: 'The organisation number is not right. Check the digits, for example on the registration certificate.',
  },
  type: { sv: 'Välj vilken typ av huvudman det är.', en: 'Choose the type of organiser.' },
};

export const organiserTypeLabels = {
  sv: {
    municipal: 'Kommun',
    independent: 'Enskild huvudman (fristående skola)',
    region: 'Region',
    municipal_association: 'Kommunalförbund',
  },
  en: {
    municipal: 'Municipality',
    independent: 'Independent organiser (independent school)',
    region: 'Region',
    municipal_association: 'Municipal association',
  },
} as const;
