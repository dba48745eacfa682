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
 *     A .json file holds an array of applications, a .csv file one row per team member
 *     (cli/batch-reader.ts describes its columns).
 *
 * Exit codes: 0 all assessed, 2 an invalid application or unreadable input, 64 a bad command line.
 *
 * This file runs the commands; the arguments are read in cli/args.ts, the input in cli/input.ts
 * and cli/batch-reader.ts, and written in cli/output.ts.
 */
import { parseApplication } from '../forms/application.ts';
import type { ParseResult } from '../forms/application.ts';
import { parseSettlement } from '../forms/settlement.ts';
import { assess } from '../rules/assess.ts';
import { settle } from '../rules/settlement.ts';
import type { Application, Assessment, Lang } from '../rules/types.ts';
import { parseArguments, USAGE } from './cli/args.ts';
import { readBatch } from './cli/batch-reader.ts';
import { parseJson, readText, UnreadableInput } from './cli/input.ts';
import { cliWords, type Output, writeBatchLine, writeJson, writeSettlement, writeSummaryPdf } from './cli/output.ts';
import { todayInSweden } from './lang.ts';

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
  const m = cliWords[lang];
  const name = file === '-' ? m.stdin : file;
  try {
    const text = await readText(file, io.stdin, name, m);
    if (command === 'check') {
      const outcome = evaluate(parseJson(text, name, m), options);
      if ('error' in outcome) {
        writeJson(io.stderr, outcome.error);
        return EXIT_INVALID;
      }
      if (invocation.pdf !== undefined) await writeSummaryPdf(invocation.pdf, outcome.application, outcome.assessment);
      writeJson(io.stdout, outcome.assessment);
      return EXIT_OK;
    }

    if (command === 'settle') {
      const parsed = parseSettlement(parseJson(text, name, m), lang);
      if (!parsed.ok) {
        writeJson(io.stderr, parsed.body);
        return EXIT_INVALID;
      }
      writeSettlement(io.stdout, settle(parsed.input, options), { json: invocation.json, lang });
      return EXIT_OK;
    }

    let exitCode = EXIT_OK;
    for (const [key, input] of readBatch(file, text, name, m)) {
      const outcome = evaluate(input, options);
      if ('error' in outcome) exitCode = EXIT_INVALID;
      writeBatchLine(io.stdout, key, outcome);
    }
    return exitCode;
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    writeJson(io.stderr, { error: 'unreadable_input', message: error.message });
    return EXIT_INVALID;
  }
}

type Outcome = { assessment: Assessment; application: Application } | { error: Extract<ParseResult, { ok: false }>['body'] };

/** Validates one application as the API does and assesses it if valid. */
function evaluate(input: unknown, options: { lang: Lang; asOf: string }): Outcome {
  const parsed = parseApplication(input, options.lang);
  return parsed.ok ? { assessment: assess(parsed.application, options), application: parsed.application } : { error: parsed.body };
}
