/**
 * The command line's arguments (node:util's parseArgs) and its help text. Options may come
 * anywhere, as `--name value` or `--name=value`. The first problem is reported, in the language
 * asked for if --lang itself is fine; --help wins over any problem.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../../rules/types.ts';
import { APPLICATION_COLUMNS, batchFormat, MEMBER_COLUMNS, TEAM_COLUMNS } from './batch-reader.ts';
import { type CliWords, cliWords } from './output.ts';

export const USAGE = `Användning:
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

export type Invocation =
  | { kind: 'help' }
  | { kind: 'usage_error'; message: string }
  | { kind: 'run'; command: 'check' | 'settle' | 'batch'; file: string; lang: Lang; asOf?: string; pdf?: string; json: boolean };

const config = {
  options: {
    help: { type: 'boolean', short: 'h' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    'as-of': { type: 'string' },
    pdf: { type: 'string' },
  },
  // Not strict: every problem is reported here, in the user's language, and --help wins over it.
  strict: false,
  allowPositionals: true,
  tokens: true,
} as const;

type Token = NonNullable<ReturnType<typeof parseArgs<typeof config>>['tokens']>[number];

export function parseArguments(argv: string[]): Invocation {
  let lang: Lang = 'sv';
  let asOf: string | undefined;
  let pdf: string | undefined;
  let help = false;
  let json = false;
  let problem: ((m: CliWords) => string) | undefined;
  const fail = (found: (m: CliWords) => string) => {
    problem ??= found;
  };
  const positionals: string[] = [];

  for (const token of tokensOf(argv)) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    const arg = argv[token.index];
    // parseArgs reads "-hx" as -h and -x: the command line has no such groups, so the whole argument is unknown.
    const written = token.kind === 'option' && (token.inlineValue ? `${token.rawName}=${token.value}` : token.rawName);
    if (token.kind === 'option-terminator' || written !== arg) {
      fail((m) => m.unknownOption(arg));
    } else if (token.name === 'help') {
      help = true;
    } else if (token.name === 'json' && !token.inlineValue) {
      json = true;
    } else if (token.name === 'lang' || token.name === 'as-of' || token.name === 'pdf') {
      const { rawName, value } = token;
      if (value === undefined) {
        fail((m) => m.missingValue(rawName));
      } else if (token.name === 'pdf') {
        pdf = value;
      } else if (token.name === 'lang') {
        if (value === 'sv' || value === 'en') lang = value;
        else fail((m) => m.badLang(value));
      } else {
        if (isIsoDate(value)) asOf = value;
        else fail((m) => m.badDate(value));
      }
    } else {
      fail((m) => m.unknownOption(arg));
    }
  }

  if (help) return { kind: 'help' };
  const m = cliWords[lang];
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

/**
 * parseArgs's tokens, with `index` into `argv`. A `--` ends parseArgs's options; here it is an
 * unknown option like any other, and the arguments after it are read as before it.
 */
function tokensOf(argv: string[], from = 0): Token[] {
  const tokens = (parseArgs({ ...config, args: argv.slice(from) }).tokens ?? []).map((token) => ({ ...token, index: token.index + from }));
  const end = tokens.findIndex((token) => token.kind === 'option-terminator');
  return end === -1 ? tokens : [...tokens.slice(0, end + 1), ...tokensOf(argv, tokens[end].index + 1)];
}

/** A YYYY-MM-DD date that exists in the calendar. */
function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().startsWith(text);
}
