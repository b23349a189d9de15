/** What a command may touch of the process: tests pass their own and read what was written. */
export interface CliIo {
  /** Results: what a pipe or a file receives (bytes for a binary export such as XLSX). */
  readonly stdout: { write(chunk: string | Uint8Array): unknown; readonly isTTY?: boolean };
  /** Diagnostics, progress and help on errors: never mixed into results. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Relative paths in arguments resolve against it. */
  readonly cwd: string;
  /** The environment, for NO_COLOR / FORMLOOM_LOCALE. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Exit codes, documented in `formloom --help` and README:
 * 0 done; 1 the input has problems (a definition with errors, a record that is not JSON);
 * 2 the command line is wrong (unknown command or option, a missing argument);
 * 3 a file could not be read or written.
 */
export const EXIT = { ok: 0, problems: 1, usage: 2, io: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One subcommand: its help text and its run over the arguments after its name. */
export interface Command {
  readonly name: string;
  /** One line for `formloom --help`. */
  readonly summary: string;
  /** The whole text of `formloom <name> --help`. */
  readonly help: string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}

/** A wrong command line: the runner prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {}

/** A file that could not be read or written: the runner prints the message and exits 3. */
export class FileError extends Error {}
