/** A new kommun overview (/oversikt/ny and POST /api/v1/overviews): the kommun and the bidragsår, from lists. */
import * as z from 'zod';
import { knownGrantYears } from '../rules/rule-sets.ts';
import type { Lang } from '../rules/types.ts';
import { municipalities } from './municipalities.ts';
import { validateForm, type Messages } from './page-form.ts';

const messages: Messages = {
  municipalityCode: { sv: 'Välj kommunen i listan.', en: 'Choose the municipality from the list.' },
  grantYear: { sv: 'Välj ett bidragsår i listan.', en: 'Choose a grant year from the list.' },
};

const codes = municipalities.map((m) => m.code) as [string, ...string[]];
const years = () => knownGrantYears().map(String) as [string, ...string[]];
const newOverviewForm = () =>
  z.object({
    municipalityCode: z.enum(codes, { error: 'municipalityCode' }),
    grantYear: z.enum(years(), { error: 'grantYear' }).transform(Number),
  });

/** The new overview's kommun and year, or what is wrong with them (the API's body or the page's form). */
export const parseNewOverview = (body: unknown, lang: Lang) => validateForm(newOverviewForm(), body, messages, lang);
