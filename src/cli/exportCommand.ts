import { resolve } from 'node:path';
import { FormUsageError } from '../core/issues';
import type { Exporter } from '../export/exporter';
import type { CompiledForm } from '../form/types';
import { readArgs } from './args';
import { exportFormat, exportTarget, type ExportTarget } from './exportTarget';
import { exportRecords } from './exportRecords';
import { exportHelp } from './exportHelp';
import { loadForm } from './formFile';
import { openInput, type Input } from './inputFile';
import { InputProblem } from './inputProblem';
import { EXIT, UsageError, type CliIo, type Command, type ExitCode } from './io';
import { JsonLineError, readJsonLines } from './jsonLines';
import { openOutputFile } from './outputFile';
import { createProgress, NO_PROGRESS, type Progress } from './progress';
import { writeChunks, type Sink } from './writeChunks';

/** What the command takes from the world besides its CliIo: tests pass fixed ones. */
export interface ExportDeps {
  /** For the export file name's date (`{yyyyMM}…`) when -o is a directory. */
  readonly now: () => Date;
  /** Milliseconds, for progress. */
  readonly clock: () => number;
  /** The records when --in is '-'. */
  readonly stdin: () => AsyncIterable<Uint8Array | string>;
}

const OPTIONS = {
  form: { type: 'string' },
  in: { type: 'string' },
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
  policy: { type: 'string' },
  role: { type: 'string' },
  locale: { type: 'string' },
  header: { type: 'string' },
  rows: { type: 'string' },
} as const;

interface Parsed {
  readonly form: string;
  readonly in: string;
  readonly output: string | undefined;
  readonly format: ReturnType<typeof exportFormat>;
  readonly options: { policy?: string; role?: string; locale?: string; header?: 'label' | 'id'; rows?: string };
}

/** Everything that can be refused from the command line alone, refused before any file is opened. */
const parse = (args: readonly string[], io: CliIo): Parsed => {
  const { values, positionals } = readArgs(args, OPTIONS);
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (files are given with --form and --in)`);
  if (values.form === undefined) throw new UsageError('--form <definition.json> is required');
  if (values.in === undefined) throw new UsageError("--in <records.jsonl> is required ('-' reads stdin)");
  const format = exportFormat(values.format, values.output);
  if (values.header !== undefined && values.header !== 'label' && values.header !== 'id') throw new UsageError(`--header is 'label' or 'id', not '${values.header}'`);
  // A workbook's bytes on a terminal are noise that can upset it.
  const toStdout = values.output === undefined || values.output === '-';
  if (format === 'xlsx' && toStdout && io.stdout.isTTY === true) {
    throw new UsageError('an xlsx export is binary: give -o <file.xlsx>, or redirect stdout to a file');
  }
  const options: Parsed['options'] = {};
  if (values.policy !== undefined) options.policy = values.policy;
  if (values.role !== undefined) options.role = values.role;
  if (values.locale !== undefined) options.locale = values.locale;
  if (values.header !== undefined) options.header = values.header;
  if (values.rows !== undefined) options.rows = values.rows;
  return { form: values.form, in: values.in, output: values.output, format, options };
};

/** The form's exporter; a role, policy, locale or group the form does not have is a usage error, with formloom's message. */
const makeExporter = (form: CompiledForm, parsed: Parsed): Exporter => {
  try {
    return form.exporter({ format: parsed.format, ...parsed.options });
  } catch (error) {
    if (error instanceof FormUsageError) throw new UsageError(error.message);
    throw error;
  }
};

/** Runs the export proper; the caller closes the input and reports failures. */
const write = async (exporter: Exporter, records: AsyncIterable<unknown>, target: ExportTarget, io: CliIo): Promise<void> => {
  // stream() rather than pipe(): writeChunks also stops on a file that failed between two writes.
  if (target.kind === 'stdout') {
    await writeChunks(exporter.stream(records), io.stdout as Sink, 'stdout');
    return;
  }
  const file = await openOutputFile(target.path, target.shown);
  try {
    await writeChunks(exporter.stream(records), file.stream as Sink, target.shown);
  } catch (error) {
    await file.abort();
    throw error;
  }
  await file.commit();
};

/** Where a problem is: `records.jsonl:7:12: not valid JSON` — a place and a reason, never the line's text. */
const problemText = (error: JsonLineError | InputProblem, input: string): string =>
  error instanceof InputProblem
    ? error.message
    : `${input === '-' ? 'stdin' : input}:${error.line}${error.column === undefined ? '' : `:${error.column}`}: ${error.reason}`;

/** What became of the output when the input failed part way. */
const outcome = (target: ExportTarget | undefined): string =>
  target === undefined ? '' : target.kind === 'stdout' ? '; the output is incomplete' : `; ${target.shown} was not written`;

const run = async (deps: ExportDeps, args: readonly string[], io: CliIo): Promise<ExitCode> => {
  const parsed = parse(args, io);
  let progress: Progress | undefined;
  let input: Input | undefined;
  let target: ExportTarget | undefined;
  try {
    const form = await loadForm(resolve(io.cwd, parsed.form), parsed.form);
    const exporter = makeExporter(form, parsed);
    target = await exportTarget(parsed.output, io.cwd, exporter, deps.now());
    input = await openInput(resolve(io.cwd, parsed.in), parsed.in, deps.stdin);
    // Progress redrawn on the terminal the export itself is printed to would garble both.
    const sameTerminal = target.kind === 'stdout' && io.stdout.isTTY === true;
    const counter = sameTerminal ? NO_PROGRESS : createProgress(io.stderr, deps.clock);
    progress = counter;
    await write(exporter, exportRecords(readJsonLines(input.chunks), form.id, () => counter.record()), target, io);
    counter.finish(target.kind === 'stdout' ? 'stdout' : target.shown);
    return EXIT.ok;
  } catch (error) {
    progress?.stop();
    if (error instanceof JsonLineError || error instanceof InputProblem) {
      io.stderr.write(`formloom export: ${problemText(error, parsed.in)}${outcome(target)}\n`);
      return EXIT.problems;
    }
    throw error;
  } finally {
    input?.close();
  }
};

/** The command, with its clock, date and stdin given: `exportCommand` uses the real ones. */
export const createExportCommand = (deps: Partial<ExportDeps> = {}): Command => {
  const full: ExportDeps = {
    now: deps.now ?? (() => new Date()),
    clock: deps.clock ?? (() => performance.now()),
    stdin: deps.stdin ?? (() => process.stdin),
  };
  return {
    name: 'export',
    summary: 'write records (JSON Lines) as a masked CSV, XLSX or JSON Lines file',
    help: exportHelp,
    run: (args, io) => run(full, args, io),
  };
};

export const exportCommand: Command = createExportCommand();
