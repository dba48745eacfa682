/**
 * The batch file of `sst-bidrag batch`: each application with its key, not yet validated. A
 * .json file holds an array of applications (key: the index). A .csv file holds one row per
 * team member (key: the `application` column), as follows.
 *
 * CSV: UTF-8 with or without BOM; comma- or semicolon-separated (whichever the header line
 * uses more); a header row naming the columns in any order, of which only `application` is
 * required (unknown columns are ignored):
 *
 *   application:  application, grantYear, organiserName, orgNumber, organiserType
 *   team:         team, schoolForms, municipalityCode, periodFrom, periodTo, teamStatus,
 *                 previouslyGrantedFte, contractEducation
 *   member:       memberId, side, role, engagement, fte, start, end, education, educationNote,
 *                 origin, monthlySalary, employerCostRate, otherFundingShare
 *
 * Rows with the same `application` form one application, its application columns taken from
 * its first row; within it, rows with the same `team` form one team, its team columns taken
 * from the team's first row; every row is one member. An empty cell is a value not given, so
 * the API's default applies or validation reports it missing.
 * `schoolForms` is a `|`-separated list; `periodFrom` and `periodTo` both empty means no
 * period (the whole grant period); an empty `end` is null (open-ended); `contractEducation`
 * is true/false, ja/nej or 1/0. Cells stay strings, as decimals are in the API, except a
 * `grantYear` of digits. Each application then goes through the API's validation, so its
 * problems have API paths such as `teams.0.members.1.fte`.
 */
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { FIELDS } from '../../forms/member-import.ts';
import { parseJson, UnreadableInput } from './input.ts';
import type { CliWords } from './output.ts';

export const APPLICATION_COLUMNS = ['application', 'grantYear', 'organiserName', 'orgNumber', 'organiserType'] as const;
export const TEAM_COLUMNS = [
  'team',
  'schoolForms',
  'municipalityCode',
  'periodFrom',
  'periodTo',
  'teamStatus',
  'previouslyGrantedFte',
  'contractEducation',
] as const;
/** A member's columns: its id, then the fields of the member page, as in the staff-list export. */
export const MEMBER_COLUMNS = ['memberId', ...FIELDS] as const;

type Column = (typeof APPLICATION_COLUMNS)[number] | (typeof TEAM_COLUMNS)[number] | (typeof MEMBER_COLUMNS)[number];

/** A batch file's format, by its extension. */
export function batchFormat(file: string): 'csv' | 'json' | undefined {
  const extension = extname(file).toLowerCase();
  return extension === '.csv' ? 'csv' : extension === '.json' ? 'json' : undefined;
}

/** The batch file's applications with their keys; `name` is the file as the messages call it. */
export function readBatch(file: string, text: string, name: string, m: CliWords): Array<[number | string, unknown]> {
  return batchFormat(file) === 'csv' ? applicationsFromCsv(text, name, m) : applicationsFromJson(text, name, m);
}

function applicationsFromJson(text: string, name: string, m: CliWords): Array<[number, unknown]> {
  const list = parseJson(text, name, m);
  if (!Array.isArray(list)) throw new UnreadableInput(m.notList(name));
  return list.map((input, index) => [index, input]);
}

/** One CSV row, by column name. */
type Row = Map<string, string>;

/** See the top of this file for the format. */
function applicationsFromCsv(text: string, name: string, m: CliWords): Array<[string, unknown]> {
  const headerLine = text.split(/\r?\n/, 1)[0];
  const delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, trim: true, skip_empty_lines: true });
  } catch (error) {
    throw new UnreadableInput(m.notCsv(name, (error as { lines?: number }).lines));
  }
  const [header = [], ...body] = records;
  if (!header.includes('application')) throw new UnreadableInput(m.noApplicationColumn(name));

  // Rows of nothing but delimiters, as spreadsheets tend to leave at the end, are no members.
  const rows: Row[] = body.filter((record) => record.some((value) => value !== '')).map((record) => new Map(header.map((column, i) => [column, record[i]])));
  return [...groupBy(rows, 'application')].map(([key, applicationRows]) => [key, applicationFromRows(applicationRows)]);
}

function applicationFromRows(rows: Row[]) {
  const first = rows[0];
  const grantYear = cell(first, 'grantYear');
  return {
    grantYear: grantYear !== undefined && /^\d+$/.test(grantYear) ? Number(grantYear) : grantYear,
    organiser: { name: cell(first, 'organiserName'), orgNumber: cell(first, 'orgNumber'), type: cell(first, 'organiserType') },
    teams: [...groupBy(rows, 'team').values()].map(teamFromRows),
  };
}

function teamFromRows(rows: Row[]) {
  const first = rows[0];
  const from = cell(first, 'periodFrom');
  const to = cell(first, 'periodTo');
  const contractEducation = cell(first, 'contractEducation');
  return {
    name: cell(first, 'team'),
    schoolForms: cell(first, 'schoolForms')
      ?.split('|')
      .map((form) => form.trim()),
    municipalityCode: cell(first, 'municipalityCode'),
    period: from === undefined && to === undefined ? undefined : { from, to },
    status: cell(first, 'teamStatus'),
    previouslyGrantedFte: cell(first, 'previouslyGrantedFte'),
    // Anything but the words for yes and no stays as written, for validation to report.
    contractEducation: contractEducation === undefined ? undefined : (yesNo.get(contractEducation.toLowerCase()) ?? contractEducation),
    members: rows.map(memberFromRow),
  };
}

function memberFromRow(row: Row) {
  return {
    id: cell(row, 'memberId'),
    side: cell(row, 'side'),
    role: cell(row, 'role'),
    engagement: cell(row, 'engagement'),
    fte: cell(row, 'fte'),
    start: cell(row, 'start'),
    end: cell(row, 'end') ?? null,
    education: cell(row, 'education'),
    educationNote: cell(row, 'educationNote'),
    origin: cell(row, 'origin'),
    monthlySalary: cell(row, 'monthlySalary'),
    employerCostRate: cell(row, 'employerCostRate'),
    otherFundingShare: cell(row, 'otherFundingShare'),
  };
}

const yesNo = new Map([
  ['true', true],
  ['ja', true],
  ['1', true],
  ['false', false],
  ['nej', false],
  ['0', false],
]);

/** A cell's value; undefined when the cell is empty or the column absent. */
function cell(row: Row, column: Column): string | undefined {
  return row.get(column) || undefined;
}

/** Rows by a column's value (empty counts as a value too), in order of first appearance. */
function groupBy(rows: Row[], column: Column): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.get(column) ?? '';
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
