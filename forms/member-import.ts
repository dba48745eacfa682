/**
 * A team's staff list as a table: read from a CSV file or rows pasted from a spreadsheet, and
 * written back out for download. Reading is forgiving the way the member page is: comma,
 * semicolon or tab between columns, UTF-8 with or without BOM, Swedish or English column
 * names, values as the API writes them or as the member page labels them ("Socionomexamen",
 * "Nytillsatt"), numbers as the member page reads them ("42 000 kr", "42.000", "31,42", "50").
 * Each row is then validated with the member page's own schema, so the same rules apply. Nothing
 * is assumed: a missing column or an empty cell is "not stated", and the preview asks for it.
 */
import { parse } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import type { Lang } from '../rules/types.ts';
import type { DraftMember } from './draft-application.ts';
import { showDecimal, showPercent } from './input.ts';
import { employerCostUnknown, memberForm, memberLabels, memberMessages } from './member.ts';
import { validateForm, type FieldError } from './page-form.ts';
import { memberQuestions, type Question } from './plausible.ts';
import { writeCsv } from './csv.ts';

/** The member page's fields, in the order of the exported file. */
export const FIELDS = [
  'role',
  'side',
  'engagement',
  'fte',
  'start',
  'end',
  'education',
  'educationNote',
  'origin',
  'monthlySalary',
  'employerCostRate',
  'otherFundingShare',
  'actualCost',
] as const;
export type Field = (typeof FIELDS)[number];

/** A settlement's list may carry the actual cost from the ledger (decision D19); an application's has no such column. */
export function fieldsFor(settlement: boolean): readonly Field[] {
  return settlement ? FIELDS : FIELDS.filter((f) => f !== 'actualCost');
}

/** Columns a list must have (or be mapped to); the rest may be missing. */
export const NEEDED: readonly Field[] = ['side', 'fte', 'start', 'education', 'monthlySalary'];

/**
 * Columns whose answer the member page, too, marks "(valfritt)". Any other column may be left
 * out of the file, but then every row is asked for its value (engagement, origin, rate).
 */
export const OPTIONAL: readonly Field[] = ['role', 'end', 'educationNote', 'otherFundingShare', 'actualCost'];

/** The exported file's headers; also recognised on import. */
export const SWEDISH_HEADERS: Record<Field, string> = {
  role: 'Roll',
  side: 'Sida',
  engagement: 'Anställning',
  fte: 'Tjänstgöringsgrad',
  start: 'Start',
  end: 'Slut',
  education: 'Utbildning',
  educationNote: 'Om utbildningen',
  origin: 'Ursprung',
  monthlySalary: 'Månadslön',
  employerCostRate: 'Personalomkostnadspålägg',
  otherFundingShare: 'Annan finansiering',
  actualCost: 'Faktisk kostnad',
};

/** Lower case, letters and digits only: "Månadslön (kr)" → "månadslönkr". */
function key(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const HEADER_ALIASES: Record<Field, string[]> = {
  role: ['roll', 'role', 'befattning', 'titel', 'title'],
  side: ['sida', 'side', 'varifrån'],
  engagement: ['anställning', 'engagement', 'anställningsform', 'anställning eller uppdrag', 'employment'],
  fte: ['tjänstgöringsgrad', 'fte', 'tjänstgöringsgrad i teamet', 'sysselsättningsgrad', 'omfattning', 'årsarbetskraft'],
  start: ['start', 'första dagen', 'startdatum', 'från och med', 'first day', 'start date'],
  end: ['slut', 'end', 'sista dagen', 'slutdatum', 'till och med', 'last day', 'end date'],
  education: ['utbildning', 'education'],
  educationNote: ['om utbildningen', 'educationnote', 'education note', 'about the education', 'utbildningsnotering'],
  origin: ['ursprung', 'origin', 'ny i teamet', 'nytillsatt'],
  monthlySalary: ['månadslön', 'monthlysalary', 'monthly salary', 'lön', 'salary', 'arvode', 'månadslön eller arvode vid heltid kronor', 'månadslön kr'],
  employerCostRate: ['personalomkostnadspålägg', 'employercostrate', 'employer cost rate', 'po', 'popålägg', 'po-pålägg', 'personalomkostnader'],
  actualCost: ['faktisk kostnad', 'actualcost', 'actual cost', 'kostnad enligt huvudbok', 'kostnad enligt bokföring', 'utfall'],
  otherFundingShare: [
    'annan finansiering',
    'otherfundingshare',
    'other funding share',
    'other funding',
    'andra statsbidrag',
    'del som betalas av andra statsbidrag',
  ],
};

const HEADER_LOOKUP = new Map<string, Field>();
for (const field of FIELDS) for (const alias of HEADER_ALIASES[field]) HEADER_LOOKUP.set(key(alias), field);

/** The field a header names, if any. */
export function fieldOfHeader(header: string): Field | undefined {
  return HEADER_LOOKUP.get(key(header));
}

// Values of the choice fields: the API's word, the labels in both languages (also the part
// before " (" or ", "), and a few short forms people write.
type ChoiceField = 'side' | 'engagement' | 'education' | 'origin';
const VALUE_ALIASES: Record<ChoiceField, Record<string, string[]>> = {
  side: { school: ['skola', 'skolan', 'skolpersonal'], social_services: ['socialtjänst', 'socialtjänsten', 'soc', 'social services'] },
  engagement: { employment: ['anställd', 'employed'], assignment: ['uppdragstagare', 'konsult'] },
  education: { socionomexamen: ['socionom'], none: ['ingen'], unknown: ['vet inte', 'okänd'] },
  origin: { new: ['ny', 'nyanställd'], previously_funded: ['tidigare finansierad'], redistributed: ['omfördelad'] },
};

const VALUE_LOOKUP = new Map<ChoiceField, Map<string, string>>();
for (const field of Object.keys(VALUE_ALIASES) as ChoiceField[]) {
  const lookup = new Map<string, string>();
  const add = (alias: string, value: string) => {
    if (!lookup.has(key(alias))) lookup.set(key(alias), value);
  };
  for (const lang of ['sv', 'en'] as const) {
    for (const [value, label] of Object.entries(memberLabels[lang][field])) {
      add(value, value);
      add(label, value);
      add(label.split(' (')[0], value);
      add(label.split(', ')[0], value);
    }
  }
  for (const [value, aliases] of Object.entries(VALUE_ALIASES[field])) for (const alias of aliases) add(alias, value);
  VALUE_LOOKUP.set(field, lookup);
}

/** The API's value for what a cell says, or the cell as it is (the schema then says what is wrong). */
function readChoice(field: ChoiceField, cell: string): string {
  return VALUE_LOOKUP.get(field)!.get(key(cell)) ?? cell;
}

/** More rows than this is not a team's staff list. */
export const MAX_ROWS = 5000;
/** More columns than this is not a staff list either (it has 12, a spreadsheet may add some). */
export const MAX_COLUMNS = 40;
/** The longest line: a row of every field with a long note about the education fits easily. */
export const MAX_LINE = 4000;

export type Table = { headers: string[]; rows: string[][] };
/** How the file's text was stored: UTF-8 (or pasted text), or Windows-1252 as Swedish Excel's "CSV (semikolonavgränsad)" saves it. */
export type Encoding = 'utf-8' | 'windows-1252';
export type TableResult =
  | { ok: true; table: Table; encoding: Encoding }
  | { ok: false; problem: 'notText' | 'notTable' | 'empty' | 'tooMany' | 'tooWide' | 'lineTooLong' };

/**
 * The file or pasted text as a table. Bytes that are not valid UTF-8 are read as
 * Windows-1252 (a superset of ISO-8859-1 for the letters å, ä, ö), which is how Swedish Excel
 * saves "CSV (semikolonavgränsad)"; anything that still holds control characters (a picture, a
 * spreadsheet's own format) is `notText`. A table needs a header row and at least one row.
 * The size limits (lines, rows, columns) are checked before the CSV parser runs, so a
 * large file that is no staff list is refused in one pass over its text.
 */
export function readTable(input: Uint8Array | string): TableResult {
  let text: string;
  let encoding: Encoding = 'utf-8';
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      encoding = 'windows-1252';
      text = new TextDecoder('windows-1252').decode(input);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  // NUL and other control characters never occur in a text table (tab, CR and LF aside).
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return { ok: false, problem: 'notText' };
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  const newline = text.indexOf('\n');
  const firstLine = text.slice(0, newline === -1 ? text.length : newline).replace(/\r$/, '');
  const count = (c: string) => {
    let n = 0;
    for (let i = firstLine.indexOf(c); i !== -1; i = firstLine.indexOf(c, i + 1)) n++;
    return n;
  };
  // The separator the header row uses most; tab wins ties (pasted rows), then semicolon.
  const delimiter = ['\t', ';', ','].reduce((best, c) => (count(c) > count(best) ? c : best), '\t');
  if (count(delimiter) >= MAX_COLUMNS) return { ok: false, problem: 'tooWide' };
  const lines = measureLines(text);
  if (lines.longest > MAX_LINE) return { ok: false, problem: 'lineTooLong' };
  if (lines.filled > MAX_ROWS + 1) return { ok: false, problem: 'tooMany' };
  let records: string[][];
  try {
    // A quoted cell may span lines: the record, too, is held to one line's length.
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, max_record_size: MAX_LINE });
  } catch {
    return { ok: false, problem: 'notTable' };
  }
  if (records.some((record) => record.length > MAX_COLUMNS)) return { ok: false, problem: 'tooWide' };
  const [headers, ...rows] = records.filter((r) => r.some((cell) => cell !== ''));
  if (!headers || rows.length === 0) return { ok: false, problem: 'empty' };
  if (rows.length > MAX_ROWS) return { ok: false, problem: 'tooMany' };
  return { ok: true, table: { headers, rows }, encoding };
}

/** The longest line's length and how many lines are not blank, in one pass without splitting. */
function measureLines(text: string): { longest: number; filled: number } {
  let longest = 0;
  let filled = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    longest = Math.max(longest, end - start);
    if (/\S/.test(text.slice(start, end))) filled++;
    start = end + 1;
  }
  return { longest, filled };
}

/** Which column each field comes from: recognised by name, or as the user chose (column index). */
export type Mapping = Partial<Record<Field, number>>;

export function recognise(headers: string[]): Mapping {
  const mapping: Mapping = {};
  headers.forEach((header, i) => {
    const field = fieldOfHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = i;
  });
  return mapping;
}

export function missingFields(mapping: Mapping): Field[] {
  return NEEDED.filter((field) => mapping[field] === undefined);
}

/** One row's fields as the member page would post them. */
export type RawMember = Partial<Record<Field, string>>;

/** A leading apostrophe that the export put before =, +, - or @ (so a spreadsheet shows it as text). */
const guarded = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

export function rawMember(row: string[], mapping: Mapping): RawMember {
  const raw: RawMember = {};
  for (const field of FIELDS) {
    const column = mapping[field];
    const cell = column === undefined ? undefined : guarded(row[column] ?? '');
    if (cell === undefined) continue;
    raw[field] = field === 'side' || field === 'engagement' || field === 'education' || field === 'origin' ? readChoice(field, cell) : cell;
  }
  return raw;
}

export type CheckedRow = { raw: RawMember } & ({ ok: true; member: Omit<DraftMember, 'id'> } | { ok: false; errors: FieldError[] });

/** "Vet inte" in the employer cost rate's column: the member page's "Vet inte" box. */
const UNKNOWN = new Set(['vetinte', 'okänd', 'okänt', 'unknown', 'donotknow', 'notknown'].map(key));
const notStated = { sv: 'Saknas i listan.', en: 'Not stated in the list.' };

/** A row checked by the member page's schema; a needed value that is not stated says so. */
export function checkRow(raw: RawMember, lang: Lang): CheckedRow {
  const unknownRate = UNKNOWN.has(key(raw.employerCostRate ?? ''));
  const body = unknownRate ? { ...raw, employerCostRate: '', employerCostRateUnknown: 'yes' } : raw;
  const form = validateForm(memberForm, body, memberMessages, lang);
  if (form.ok) return { raw, ok: true, member: form.value };
  const errors = form.errors.map((e) => (raw[e.field as Field]?.trim() ? e : { ...e, message: `${notStated[lang]} ${e.message}` }));
  return { raw, ok: false, errors };
}

/**
 * Each row's questions about unusual values (forms/plausible.ts), counting the team's members
 * and the rows before it for its side's total; a row with questions is added only if confirmed.
 */
export function rowQuestions(members: Array<Omit<DraftMember, 'id'>>, existing: DraftMember[], lang: Lang): Question[][] {
  const before = [...existing];
  return members.map((member, i) => {
    const { all } = memberQuestions(member, before, {}, lang);
    before.push({ id: `row${i}`, ...member });
    return all;
  });
}

/**
 * The existing member a row repeats, if any: the same side, role (ignoring case and spaces
 * around it), first day and tjänstgöringsgrad. Such a row is most likely the same person read
 * in again, so the import never adds it without the user saying so.
 */
export function sameMember(row: Omit<DraftMember, 'id'>, existing: DraftMember[]): DraftMember | undefined {
  const role = (text: string) => text.trim().toLowerCase();
  const sameFte = (fte: string) => {
    try {
      return new Decimal(fte).equals(row.fte);
    } catch {
      return false; // a stored value that is no number repeats nothing
    }
  };
  return existing.find((m) => m.side === row.side && role(m.role) === role(row.role) && m.start === row.start && sameFte(m.fte));
}

/**
 * The team's members as the file the import reads: semicolon, Swedish headers and values, BOM,
 * decimal comma; a settlement's list with the actual cost as its last column.
 */
export function membersCsv(members: DraftMember[], settlement = false): string {
  const labels = memberLabels.sv;
  const short = (label: string) => label.split(' (')[0].split(', ')[0];
  const fields = fieldsFor(settlement);
  const rows = [fields.map((f) => SWEDISH_HEADERS[f])];
  for (const m of members) {
    const values: Record<Field, string> = {
      role: m.role,
      side: m.side === 'school' ? 'skola' : 'socialtjänst',
      engagement: labels.engagement[m.engagement as keyof typeof labels.engagement] ?? m.engagement,
      fte: showDecimal(m.fte, 'sv'),
      start: m.start,
      end: m.end ?? '',
      education: short(labels.education[m.education as keyof typeof labels.education] ?? m.education),
      educationNote: m.educationNote,
      origin: labels.origin[m.origin as keyof typeof labels.origin] ?? m.origin,
      monthlySalary: showDecimal(m.monthlySalary, 'sv'),
      employerCostRate: employerCostUnknown(m) ? 'Vet inte' : showPercent(m.employerCostRate, 'sv'),
      otherFundingShare: showPercent(m.otherFundingShare, 'sv'),
      actualCost: m.actualCost === undefined ? '' : showDecimal(m.actualCost, 'sv'),
    };
    rows.push(fields.map((f) => values[f]));
  }
  return writeCsv(rows);
}
