/**
 * What the staff-list import's pages post, read (the table itself is read by member-import.ts):
 * where the table comes from (an uploaded file, pasted rows, or the file carried through the
 * mapping step), which column holds each field, every row checked into a member and numbered
 * by its line in the file, and the valid rows the preview carries to the confirmation, which
 * are read again as untrusted input.
 */
import type { Lang } from '../rules/types.ts';
import { MAX_MEMBERS } from './application.ts';
import type { DraftMember } from './draft-application.ts';
import {
  type CheckedRow,
  checkRow,
  type Encoding,
  FIELDS,
  type Field,
  fieldsFor,
  type Mapping,
  type RawMember,
  rawMember,
  recognise,
  rowQuestions,
  sameMember,
  type Table,
} from './member-import.ts';
import { type Confirmed, keptConfirmations } from './plausible.ts';

/** The file's text carried through the mapping step (base64url, in an urlencoded form under the 1 MB body limit). */
const MAX_CARRIED = 900_000;
/** The rows carried from preview to confirm: at most 50 members, so small. */
const MAX_PAYLOAD = 200_000;

/** A posted form's fields (urlencoded, or multipart with the file as a Buffer). */
export type PostedForm = Record<string, unknown>;

/** Where the table comes from, and the form field a problem with it is shown at. */
export type TableSource = { input: Buffer | string; field: 'file' | 'rows' };

/** The source of the table: an uploaded file, pasted rows, or the text carried through the mapping step. */
export function tableSource(body: PostedForm): TableSource | undefined {
  if (Buffer.isBuffer(body.file) && body.file.length > 0) return { input: body.file, field: 'file' };
  if (typeof body.rows === 'string' && body.rows.trim() !== '') return { input: body.rows, field: 'rows' };
  if (typeof body.source === 'string' && body.source !== '') return { input: Buffer.from(body.source, 'base64url'), field: 'file' };
  return undefined;
}

/** The source as the mapping step carries it in a hidden field, or undefined when it is too big to. */
export function carriedSource(source: TableSource): string | undefined {
  const carried = (typeof source.input === 'string' ? Buffer.from(source.input) : source.input).toString('base64url');
  return carried.length > MAX_CARRIED ? undefined : carried;
}

/** The mapping step's form field for a field's column. */
export const mappingField = (field: Field) => `map_${field}`;

/** Whether the mapping step has been answered before (any of its fields posted). */
export function mappingAnswered(body: PostedForm): boolean {
  return Object.keys(body).some((name) => name.startsWith('map_'));
}

/**
 * The columns: by name, then as chosen in the mapping step ("" = not in the file); the actual
 * cost only into a settlement.
 */
export function chosenMapping(headers: string[], body: PostedForm, settlement: boolean): Mapping {
  const mapping = recognise(headers);
  if (!settlement) delete mapping.actualCost;
  for (const field of fieldsFor(settlement)) {
    const chosen = body[mappingField(field)];
    if (typeof chosen === 'string' && /^\d+$/.test(chosen) && Number(chosen) < headers.length) mapping[field] = Number(chosen);
  }
  return mapping;
}

/** A row checked by the member page's schema, with its line in the file. */
export type NumberedRow = CheckedRow & { line: number };

/** Every row checked by the member page's schema, numbered by the file's line (the header is line 1). */
export function checkTable(table: Table, mapping: Mapping, lang: Lang): NumberedRow[] {
  return table.rows.map((row, i) => ({ line: i + 2, ...checkRow(rawMember(row, mapping), lang) }));
}

/** The preview's valid rows as carried to the confirmation, with the list's size and encoding for the notes there. */
export interface CarriedRows {
  total: number;
  encoding: Encoding;
  lines: number[];
  rows: RawMember[];
}

/** The preview's hidden field. */
export function writeCarriedRows({ total, encoding, lines, rows }: CarriedRows): string {
  return JSON.stringify({ total, encoding, lines, rows });
}

/** The confirmation's rows: `{ total, encoding, lines, rows }` with at most 50 rows of string fields, or undefined. */
export function readCarriedRows(value: unknown): CarriedRows | undefined {
  if (typeof value !== 'string' || value.length > MAX_PAYLOAD) return undefined;
  try {
    const parsed = JSON.parse(value) as { total?: unknown; encoding?: unknown; lines?: unknown; rows?: unknown };
    const total = Number(parsed.total);
    if (!Number.isInteger(total) || total < 0 || !Array.isArray(parsed.rows) || parsed.rows.length > MAX_MEMBERS) return undefined;
    const rows = parsed.rows.map((row: unknown) => {
      if (typeof row !== 'object' || row === null) throw new Error('row');
      const raw: RawMember = {};
      for (const field of FIELDS) {
        const cell = (row as Record<string, unknown>)[field];
        if (typeof cell === 'string') raw[field] = cell;
      }
      return raw;
    });
    const given = Array.isArray(parsed.lines) ? parsed.lines : [];
    const lines = rows.map((_, i) => (Number.isInteger(given[i]) && given[i] > 1 ? Number(given[i]) : i + 2));
    const encoding = parsed.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
    return { total: Math.max(total, rows.length), encoding, lines, rows };
  } catch {
    return undefined;
  }
}

/** The carried rows checked again: the page's hidden field is not trusted. */
export function checkCarriedRows(carried: CarriedRows, lang: Lang): NumberedRow[] {
  return carried.rows.map((raw, i) => ({ line: carried.lines[i], ...checkRow(raw, lang) }));
}

/** The ticked boxes of a checkbox group, as strings. */
export const ticks = (value: unknown) =>
  new Set(
    [value]
      .flat()
      .filter((v) => v !== undefined)
      .map(String),
  );

/** What the user chose on the preview: add to the team or replace its members of the list's sides, and the ticked rows. */
export interface ImportChoice {
  mode: 'add' | 'replace';
  /** Rows (by index in the carried list) that repeat a member and are to be added anyway. */
  includeRow: Set<string>;
  /** Rows (by index) whose questions about unusual values the user has answered by ticking. */
  confirmRow: Set<string>;
}

/** A row the confirmation adds, with the questions it raised, kept as answered. */
export interface ImportedRow {
  member: Omit<DraftMember, 'id'>;
  confirmed: Confirmed | undefined;
}

/** What confirming the preview does to the team: the members kept and removed, the rows added, and how many repeats were left out. */
export interface ImportPlan {
  kept: DraftMember[];
  removed: DraftMember[];
  added: ImportedRow[];
  repeatsLeftOut: number;
}

/**
 * The confirmation, checked against the team as it is now: with "replace" the members of the
 * sides the list holds go; with "add" a row that repeats a member is left out unless ticked;
 * rows beyond the team's room are left out; a row with questions about unusual values is added
 * only when its box is ticked.
 */
export function planImport(members: DraftMember[], checked: NumberedRow[], choice: ImportChoice, lang: Lang): ImportPlan {
  const valid = checked.flatMap((c, index) => (c.ok ? [{ index, member: c.member }] : []));
  const sides = new Set(valid.map((row) => row.member.side));
  const kept = choice.mode === 'replace' ? members.filter((m) => !sides.has(m.side)) : members;
  const wanted = choice.mode === 'add' ? valid.filter((row) => !sameMember(row.member, members) || choice.includeRow.has(String(row.index))) : valid;
  const fitting = wanted.slice(0, Math.max(0, MAX_MEMBERS - kept.length));
  const questions = rowQuestions(
    fitting.map((row) => row.member),
    kept,
    lang,
  );
  const added = fitting.flatMap((row, i) =>
    questions[i].length === 0 || choice.confirmRow.has(String(row.index)) ? [{ member: row.member, confirmed: keptConfirmations(questions[i]) }] : [],
  );
  return { kept: [...kept], removed: members.filter((m) => !kept.includes(m)), added, repeatsLeftOut: valid.length - wanted.length };
}
