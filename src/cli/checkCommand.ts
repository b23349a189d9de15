import { readArgs } from './args';
import { checkDefinition } from './checkDefinition';
import { checkMessage } from './checkMessages';
import { issueLine, jsonReport, summaryLine, totalsOf, type FileResult } from './checkReport';
import { listTargets } from './checkTargets';
import { baseResolver } from './baseResolver';
import { readDefinitionBytes } from './definitionFile';
import { cliLocale } from './cliLocale';
import { EXIT, UsageError, type Command, type ExitCode } from './io';

const help = `formloom check: compile form definitions and show every problem where it is in the file

Usage: formloom check <file.json | directory>... [--json] [--strict] [--locale zh-CN|zh-TW|en]

Each definition is compiled as compileForm compiles it, and each error and warning is written to
standard output on a line of its own, in the order of the file:

  <file>:<line>:<column>  error|warning  <code>  <message>

The message ends with " — did you mean '…'?" when formloom has a suggestion. Lines and columns
start at 1; columns count UTF-16 code units, as editors do. A problem under a property that is not
there (a missing required key) is shown at the object that should hold it. Files without problems
print nothing; a summary ("3 files: 2 errors, 1 warning") goes to standard error.

A directory stands for every *.json file directly in it (not its subdirectories). Paths are
relative to the current directory and printed as given. Definitions are plain JSON in UTF-8:
comments (json-comment), trailing commas and other syntax errors (json-syntax) and another
encoding such as GBK (json-encoding) are errors; a key given twice in one object is a warning
(json-duplicate-key), since only the last one counts. A UTF-8 byte order mark is allowed.

Options:
      --json           one JSON document on standard output instead of lines:
                       { "files": [{ "file", "status": "ok|warnings|errors|unreadable", "reason"?,
                         "issues": [{ "file", "line", "column", "severity": "error|warning",
                         "code", "reason"?, "path", "message", "suggestion"? }] }],
                         "summary": { "files", "errors", "warnings", "unreadable", "exitCode" } }
      --strict         warnings fail the check too (exit code 1)
      --locale <tag>   language of the messages: zh-CN, zh-TW or en (zh-HK and zh-Hant read
                       zh-TW, other zh-* zh-CN, en-* en). Default: the FORMLOOM_LOCALE
                       environment variable, else en
      --bases <dir>    where a variant's base forms (its "extends") are looked up; repeatable.
                       Default: the variant's folder and its parent
  -h, --help           this text

Examples:
  formloom check forms/*.json
  formloom check forms/ --strict
  formloom check forms/intake.json --locale zh-CN
  formloom check forms/ --json > check-report.json

Exit codes: 0 no errors (warnings allowed, unless --strict); 1 a definition has errors (or, with
--strict, warnings); 2 wrong command line or FORMLOOM_LOCALE; 3 a named file or directory could
not be read, or a directory holds no *.json (the others are still checked; the highest code wins).
`;

const exitCodeOf = (result: FileResult, strict: boolean): ExitCode => {
  if ('unreadable' in result) return EXIT.io;
  const failing = result.issues.some((issue) => issue.severity === 'error' || strict);
  return failing ? EXIT.problems : EXIT.ok;
};

/** The file's bytes, or why they could not be read (the system's code: ENOENT, EACCES, EISDIR, …). */
const readTarget = async (file: string, absolute: string): Promise<{ file: string; bytes: Uint8Array } | { file: string; unreadable: string }> => {
  try {
    return { file, bytes: await readDefinitionBytes(absolute) };
  } catch (error) {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    return { file, unreadable: typeof code === 'string' ? code : 'failed' };
  }
};

export const checkCommand: Command = {
  name: 'check',
  summary: 'compile definitions and report every problem at its line and column',
  help,
  async run(args, io) {
    const { values, positionals } = readArgs(args, {
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
      locale: { type: 'string' },
      bases: { type: 'string', multiple: true },
    });
    const locale = cliLocale(values.locale, io.env);
    if (positionals.length === 0) throw new UsageError('which definitions? Give files or directories, e.g. formloom check forms/');
    const strict = values.strict === true;
    const results: FileResult[] = [];
    let exitCode: ExitCode = EXIT.ok;
    for (const target of await listTargets(positionals, io.cwd)) {
      const read = 'unreadable' in target ? target : await readTarget(target.file, target.absolute);
      const result: FileResult = 'unreadable' in read ? read : { file: read.file, issues: checkDefinition(read.bytes, locale, 'absolute' in target ? baseResolver(target.absolute, io.cwd, values.bases) : undefined) };
      if ('unreadable' in result) {
        const key = result.unreadable === 'no-json' ? 'no-json' : 'unreadable';
        io.stderr.write(`formloom check: ${checkMessage(key, locale, { file: result.file, reason: result.unreadable })}\n`);
      } else if (values.json !== true) {
        for (const issue of result.issues) io.stdout.write(issueLine(result.file, issue));
      }
      results.push(result);
      exitCode = Math.max(exitCode, exitCodeOf(result, strict)) as ExitCode;
    }
    if (values.json === true) io.stdout.write(jsonReport(results, exitCode));
    io.stderr.write(summaryLine(totalsOf(results), locale, strict));
    return exitCode;
  },
};
