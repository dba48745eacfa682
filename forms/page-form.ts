/**
 * Validation of one page's form. Each field's schema reports the field's name as its message;
 * the page's own messages (plain Swedish and English, saying what to do) are looked up by that
 * name, so zod's wording never reaches the user. Problems come in the order of the fields.
 * A message may say what was written: "{value}" in it is replaced by the field's text.
 */
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import type { Lang } from '../rules/types.ts';
import { readAmount, readDate, readFte, readNumber, readRate, type Reading } from './input.ts';

export type Messages = Record<string, Record<Lang, string>>;
export interface FieldError {
  field: string;
  message: string;
}
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function validateForm<T>(schema: z.ZodType<T>, body: unknown, messages: Messages, lang: Lang): FormResult<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    // The field is where the problem is; the message key is what the schema reported.
    const key = issue.message in messages ? issue.message : String(issue.path[0]);
    const field = issue.path.length ? String(issue.path[0]) : key;
    if (errors.some((e) => e.field === field)) continue;
    const written = issue.code === 'custom' ? String(issue.params?.value ?? '') : '';
    errors.push({ field, message: messages[key][lang].replaceAll('{value}', written) });
  }
  return { ok: false, errors };
}

/** Control characters a person cannot mean to type (a pasted NUL would not even store). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A text box; empty means missing unless optional (then ''). Stray control characters are dropped. */
export function text(field: string, { max, optional = false }: { max: number; optional?: boolean }) {
  const clean = z.string({ error: field }).transform((value) => value.replace(CONTROL, '').trim());
  return optional ? clean.pipe(z.string().max(max, field)).default('') : clean.pipe(z.string().min(1, field).max(max, field));
}

/** One of the given values, from radio buttons or a select. */
export function choice<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: field });
}

/** Checkboxes: one ticked box arrives as a string, several as a list; at least one. */
export function checkboxes<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.enum(values, { error: field }), { error: field }).min(1, field));
}

const READERS: Record<'number' | 'amount' | 'rate' | 'fte', (text: string) => Reading> = {
  number: readNumber,
  amount: readAmount,
  rate: readRate,
  fte: readFte,
};

/**
 * A number as people write it, within the range: "1 000", "0,5" (`number`), kronor such as
 * "42 000 kr" or "42.000" (`amount`), a share such as "31,42" or "31,42 %" (`rate`), a
 * tjänstgöringsgrad such as "0,5" or "50" (`fte`); see forms/input.ts. Text that could mean two
 * very different numbers reports `<field>_ambiguous` (with what was written) when the page has
 * such a message, so the page asks rather than guesses.
 */
export function decimal(
  field: string,
  {
    min,
    max,
    exclusiveMin = false,
    maxDecimals,
    read = 'number',
    places,
  }: { min: number; max: number; exclusiveMin?: boolean; maxDecimals: number; read?: keyof typeof READERS; places?: number },
) {
  return z.string({ error: field }).transform((input, ctx) => {
    const reading = READERS[read](input);
    if (!reading.ok && reading.problem === 'ambiguous') {
      ctx.addIssue({ code: 'custom', message: `${field}_ambiguous`, params: { value: input.trim() } });
      return z.NEVER;
    }
    const value = reading.ok ? new Decimal(reading.value) : undefined;
    if (!value || (exclusiveMin ? value.lte(min) : value.lt(min)) || value.gt(max) || value.decimalPlaces() > maxDecimals) {
      ctx.addIssue({ code: 'custom', message: field });
      return z.NEVER;
    }
    return places === undefined ? value.toFixed() : value.toFixed(places);
  });
}

/** The question when kronor could be read two ways ("42,000": 42 kr with a decimal comma, or 42 000 kr). */
export const ambiguousAmount: Record<Lang, string> = {
  sv: 'Menar du {value} kronor med decimaler eller ett belopp i tusental? Skriv beloppet utan komma mellan tusentalen, till exempel 42 000.',
  en: 'Do you mean {value} kronor with decimals or an amount in thousands? Enter the amount without a comma between the thousands, for example 42 000.',
};

/** A date as 2026-03-01 or 1/3 2026. */
export function date(field: string) {
  return z.string({ error: field }).transform((input, ctx) => {
    const value = readDate(input);
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: field });
      return z.NEVER;
    }
    return value;
  });
}

/** An optional field: an empty box is "not given". */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
}

/**
 * Run a cross-field check only when its object parsed and the fields it reads are valid, so
 * it neither reads junk nor repeats a problem already reported (zod would skip it on any
 * earlier problem, also one in an unrelated field).
 */
export function whenValid(...fields: string[]) {
  return {
    when: (payload: z.core.ParsePayload) => !payload.issues.some(({ path = [] }) => path.length === 0 || fields.includes(String(path[0]))),
  };
}
