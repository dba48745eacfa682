/** The bidragsår page: which year the application is for. */
import * as z from 'zod';
import { knownGrantYears } from '../rules/rule-sets.ts';
import { choice, type Messages } from './page-form.ts';

const years = knownGrantYears().map(String) as [string, ...string[]];

export const grantYearForm = z.object({ grantYear: choice('grantYear', years).transform(Number) });

export const grantYearMessages: Messages = {
  grantYear: {
    sv: `Välj vilket bidragsår ansökan gäller, ${years[0]}–${years.at(-1)}.`,
    en: `Choose the grant year the application is for, ${years[0]}–${years.at(-1)}.`,
  },
};

export const grantYearOptions = years;
