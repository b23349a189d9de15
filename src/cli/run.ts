import { buildCommand } from './buildCommand';
import { checkCommand } from './checkCommand';
import { exportCommand } from './exportCommand';
import { InputProblem } from './inputProblem';
import { EXIT, FileError, UsageError, type CliIo, type Command, type ExitCode } from './io';
import { typesCommand } from './typesCommand';
import { packageVersion } from './version';

const COMMANDS: readonly Command[] = [checkCommand, typesCommand, buildCommand, exportCommand];

const mainHelp = (): string => `formloom ${packageVersion()}: compile, check and use JSON form definitions

Usage: formloom <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(8)} ${command.summary}`).join('\n')}

Options:
  -h, --help     this text; \`formloom <command> --help\` for a command's
  -v, --version  the version

Exit codes:
  0  done
  1  the input has problems (a definition with errors, a record line that is not JSON)
  2  the command line is wrong (unknown command or option, missing argument)
  3  a file could not be read or written
`;

/**
 * Runs one command line (without `node` and the script) and gives its exit code. Never throws and
 * never exits the process: main.ts does that, tests call this directly.
 */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<ExitCode> => {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const target = first === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    (first === undefined ? io.stderr : io.stdout).write(target?.help ?? mainHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (command === undefined) {
    io.stderr.write(`formloom: unknown command '${first}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See formloom --help.\n`);
    return EXIT.usage;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`formloom ${command.name}: ${error.message}\n\n${command.help}`);
      return EXIT.usage;
    }
    if (error instanceof InputProblem) {
      io.stderr.write(`formloom ${command.name}: ${error.message}\n`);
      return EXIT.problems;
    }
    if (error instanceof FileError) {
      io.stderr.write(`formloom ${command.name}: ${error.message}\n`);
      return EXIT.io;
    }
    // A bug of ours: say so without echoing any input (a record's values must never reach a log).
    io.stderr.write(`formloom ${command.name}: internal error: ${error instanceof Error ? error.name : 'unknown'}. Please report it.\n`);
    return EXIT.problems;
  }
};
