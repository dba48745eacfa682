/**
 * The command line, `sst-bidrag`:
 *
 *   sst-bidrag check FILE.json [--lang en] [--as-of YYYY-MM-DD] [--pdf OUT.pdf]
 *     Assesses one application (the API's JSON; FILE `-` reads standard input) and prints the
 *     assessment as JSON. An invalid application prints the API's 400/422 body on stderr.
 *     With --pdf it also writes the application summary PDF (as POST /api/v1/assessments/pdf).
 *
 *   sst-bidrag settle FILE.json [--lang en] [--as-of YYYY-MM-DD] [--json]
 *     The settlement of a bidragsår after Skolverket's decision (the body of
 *     POST /api/v1/settlements: application as carried out, decision, optionally applied),
 *     printed as text per team, kommun and change; with --json the API's JSON. An invalid
 *     request prints the API's 400/422 body on stderr.
 *
 *   sst-bidrag batch FILE.csv|FILE.json [--lang en] [--as-of YYYY-MM-DD]
 *     Assesses many applications and prints one JSON line per application, in input order:
 *     {"application": key, "assessment": …} or {"application": key, "error": <400/422 body>}.
 *     A .json file holds an array of applications (key: the index). A .csv file holds one row
 *     per team member (key: the `application` column), as follows.
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
 *
 * Exit codes: 0 all assessed, 2 an invalid application or unreadable input, 64 a bad command line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseApplication } from '../forms/application.ts';
import type { ParseResult } from '../forms/application.ts';
import { assess } from '../rules/assess.ts';
import { todayInSweden } from './lang.ts';
import { words, type Words } from './words/index.ts';
import type { Application, Assessment, Lang } from '../rules/types.ts';
import { renderSummaryPdf } from './pdf/summary.ts';
import { FIELDS } from '../forms/member-import.ts';
import { parseSettlement } from '../forms/settlement.ts';
import { settle } from '../rules/settlement.ts';
import { settlementText } from './settlement-words.ts';

export interface Output {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: Output;
  stderr: Output;
  /** Today's date, YYYY-MM-DD: the default for --as-of. */
  today: () => string;
}

const EXIT_OK = 0;
const EXIT_INVALID = 2;
const EXIT_USAGE = 64;

const APPLICATION_COLUMNS = ['application', 'grantYear', 'organiserName', 'orgNumber', 'organiserType'] as const;
const TEAM_COLUMNS = ['team', 'schoolForms', 'municipalityCode', 'periodFrom', 'periodTo', 'teamStatus', 'previouslyGrantedFte', 'contractEducation'] as const;
/** A member's columns: its id, then the fields of the member page, as in the staff-list export. */
const MEMBER_COLUMNS = ['memberId', ...FIELDS] as const;

type Column = (typeof APPLICATION_COLUMNS)[number] | (typeof TEAM_COLUMNS)[number] | (typeof MEMBER_COLUMNS)[number];

const USAGE = `Användning:
  sst-bidrag check FIL.json [--lang en] [--as-of ÅÅÅÅ-MM-DD] [--pdf UT.pdf]
  sst-bidrag settle FIL.json [--lang en] [--as-of ÅÅÅÅ-MM-DD] [--json]
  sst-bidrag batch FIL.csv|FIL.json [--lang en] [--as-of ÅÅÅÅ-MM-DD]

  check       Bedömer en ansökan i JSON (FIL - läser standard in) och skriver bedömningen som JSON.
  settle      Redovisningen efter året: ansökan som den genomfördes, Skolverkets beslut per team
              och, om du vill, ansökan som den söktes (samma JSON som POST /api/v1/settlements).
              Skriver per team och kommun beslutat, använt, outnyttjat och att betala tillbaka,
              villkoren under året och förändringarna att anmäla. Beloppen är uppskattningar.
  batch       Bedömer flera ansökningar, en JSON-lista eller en CSV-fil med en rad per teammedlem,
              och skriver en JSON-rad per ansökan.
  --lang en   Meddelanden på engelska (annars svenska).
  --as-of     Bedömningsdatum (annars dagens datum).
  --pdf       Skriver också sammanställningen som PDF till filen (bara med check).
  --json      Redovisningen som JSON, som API:et svarar (bara med settle).
  Slutkod: 0 allt bedömt, 2 ogiltig ansökan eller oläslig fil, 64 felaktigt kommando.

Usage:
  sst-bidrag check FILE.json [--lang en] [--as-of YYYY-MM-DD] [--pdf OUT.pdf]
  sst-bidrag settle FILE.json [--lang en] [--as-of YYYY-MM-DD] [--json]
  sst-bidrag batch FILE.csv|FILE.json [--lang en] [--as-of YYYY-MM-DD]

  check       Assesses one application in JSON (FILE - reads standard input) and prints the assessment as JSON.
  settle      The report after the year: the application as carried out, Skolverket's decision per team
              and, optionally, the application as applied for (the JSON of POST /api/v1/settlements).
              Prints per team and municipality decided, used, unused and to repay, the conditions
              during the year and the changes to report. The amounts are estimates.
  batch       Assesses many applications, a JSON array or a CSV file with one row per team member,
              and prints one JSON line per application.
  --lang en   Messages in English (Swedish otherwise).
  --as-of     Date of the assessment (today otherwise).
  --pdf       Also writes the summary PDF (in Swedish) to the file (check only).
  --json      The settlement as JSON, as the API answers (settle only).
  Exit code: 0 all assessed, 2 invalid application or unreadable file, 64 bad command line.

CSV (komma eller semikolon / comma or semicolon; UTF-8):
  ${APPLICATION_COLUMNS.join(', ')},
  ${TEAM_COLUMNS.join(', ')},
  ${MEMBER_COLUMNS.join(', ')}
  Rader med samma application blir en ansökan, med samma team ett team; schoolForms skiljs med |.
  Rows with the same application form one application, with the same team one team; schoolForms are separated by |.
`;

type Messages = Words['cli'];

const messages: Record<Lang, Messages> = { sv: words.sv.cli, en: words.en.cli };

/** The real process: what the npm bin runs. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    today: () => todayInSweden(),
  });
}

/** Runs `sst-bidrag` with `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const invocation = parseArguments(argv);
  if (invocation.kind === 'help') {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (invocation.kind === 'usage_error') {
    io.stderr.write(`sst-bidrag: ${invocation.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  const { command, file, lang } = invocation;
  const options = { lang, asOf: invocation.asOf ?? io.today() };
  const m = messages[lang];
  const name = file === '-' ? m.stdin : file;
  try {
    const text = await readText(file, io.stdin, name, m);
    if (command === 'check') {
      const outcome = evaluate(parseJson(text, name, m), options);
      if ('error' in outcome) {
        writeJson(io.stderr, outcome.error);
        return EXIT_INVALID;
      }
      if (invocation.pdf !== undefined) {
        const { bytes } = await renderSummaryPdf(outcome.application, outcome.assessment);
        await writeFile(invocation.pdf, bytes);
      }
      writeJson(io.stdout, outcome.assessment);
      return EXIT_OK;
    }

    if (command === 'settle') {
      const parsed = parseSettlement(parseJson(text, name, m), lang);
      if (!parsed.ok) {
        writeJson(io.stderr, parsed.body);
        return EXIT_INVALID;
      }
      const settlement = settle(parsed.input, options);
      if (invocation.json) writeJson(io.stdout, settlement);
      else io.stdout.write(settlementText(settlement, lang));
      return EXIT_OK;
    }

    const inputs = batchFormat(file) === 'csv' ? applicationsFromCsv(text, name, m) : applicationsFromJson(text, name, m);
    let exitCode = EXIT_OK;
    for (const [key, input] of inputs) {
      const outcome = evaluate(input, options);
      if ('error' in outcome) exitCode = EXIT_INVALID;
      io.stdout.write(`${JSON.stringify({ application: key, ...('error' in outcome ? { error: outcome.error } : { assessment: outcome.assessment }) })}\n`);
    }
    return exitCode;
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    writeJson(io.stderr, { error: 'unreadable_input', message: error.message });
    return EXIT_INVALID;
  }
}

// ---------------------------------------------------------------------------------------------
// The command line.

type Invocation =
  | { kind: 'help' }
  | { kind: 'usage_error'; message: string }
  | { kind: 'run'; command: 'check' | 'settle' | 'batch'; file: string; lang: Lang; asOf?: string; pdf?: string; json: boolean };

/**
 * Options may come anywhere, as `--name value` or `--name=value`. The first problem is
 * reported, in the language asked for if --lang itself is fine; --help wins over any problem.
 */
function parseArguments(argv: string[]): Invocation {
  let lang: Lang = 'sv';
  let asOf: string | undefined;
  let pdf: string | undefined;
  let help = false;
  let json = false;
  let problem: ((m: Messages) => string) | undefined;
  const fail = (found: (m: Messages) => string) => {
    problem ??= found;
  };
  const positionals: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (name === '--help' || name === '-h') {
      help = true;
    } else if (arg === '--json') {
      json = true;
    } else if (name === '--lang' || name === '--as-of' || name === '--pdf') {
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
      if (value === undefined) {
        fail((m) => m.missingValue(name));
      } else if (name === '--pdf') {
        pdf = value;
      } else if (name === '--lang') {
        if (value === 'sv' || value === 'en') lang = value;
        else fail((m) => m.badLang(value));
      } else {
        if (isIsoDate(value)) asOf = value;
        else fail((m) => m.badDate(value));
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      fail((m) => m.unknownOption(arg));
    } else {
      positionals.push(arg);
    }
  }

  if (help) return { kind: 'help' };
  const m = messages[lang];
  const usageError = (message: string): Invocation => ({ kind: 'usage_error', message });
  if (problem) return usageError(problem(m));
  const [command, file, extra] = positionals;
  if (command === undefined) return usageError(m.noCommand);
  if (command !== 'check' && command !== 'settle' && command !== 'batch') return usageError(m.unknownCommand(command));
  if (file === undefined) return usageError(m.missingFile);
  if (extra !== undefined) return usageError(m.extraArgument(extra));
  if (command === 'batch' && !batchFormat(file)) return usageError(m.batchFileType(file));
  if (command !== 'check' && pdf !== undefined) return usageError(m.unknownOption('--pdf'));
  if (command !== 'settle' && json) return usageError(m.unknownOption('--json'));
  return { kind: 'run', command, file, lang, asOf, pdf, json };
}

/** A YYYY-MM-DD date that exists in the calendar. */
function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().startsWith(text);
}

// ---------------------------------------------------------------------------------------------
// Input and output.

/** Input that cannot be read as applications at all; the message is the user's. */
class UnreadableInput extends Error {}

async function readText(file: string, stdin: NodeJS.ReadableStream, name: string, m: Messages): Promise<string> {
  try {
    const bytes = file === '-' ? await readAll(stdin) : await readFile(file);
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const notFound = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UnreadableInput(notFound ? m.notFound(name) : m.unreadable(name));
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function parseJson(text: string, name: string, m: Messages): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UnreadableInput(m.notJson(name));
  }
}

function writeJson(output: Output, value: unknown) {
  output.write(`${JSON.stringify(value, null, 2)}\n`);
}

type Outcome = { assessment: Assessment; application: Application } | { error: Extract<ParseResult, { ok: false }>['body'] };

/** Validates one application as the API does and assesses it if valid. */
function evaluate(input: unknown, options: { lang: Lang; asOf: string }): Outcome {
  const parsed = parseApplication(input, options.lang);
  return parsed.ok ? { assessment: assess(parsed.application, options), application: parsed.application } : { error: parsed.body };
}

// ---------------------------------------------------------------------------------------------
// Batch files: each application with its key.

/** A batch file's format, by its extension. */
function batchFormat(file: string): 'csv' | 'json' | undefined {
  const extension = extname(file).toLowerCase();
  return extension === '.csv' ? 'csv' : extension === '.json' ? 'json' : undefined;
}

function applicationsFromJson(text: string, name: string, m: Messages): Array<[number, unknown]> {
  const list = parseJson(text, name, m);
  if (!Array.isArray(list)) throw new UnreadableInput(m.notList(name));
  return list.map((input, index) => [index, input]);
}

/** One CSV row, by column name. */
type Row = Map<string, string>;

/** See the top of this file for the format. */
function applicationsFromCsv(text: string, name: string, m: Messages): Array<[string, unknown]> {
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
