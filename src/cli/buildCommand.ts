import { basename, resolve } from 'node:path';
import { internalFormOf } from '../form/internal';
import { oneDefinitionFile, readArgs } from './args';
import { loadForm } from './formFile';
import { EXIT, UsageError, type Command } from './io';
import { precompiledModule } from './precompiledModule';
import { declarationPath, precompiledTypes } from './precompiledTypes';
import { packageVersion } from './version';
import { writeTextFile } from './writeTextFile';

const help = `formloom build: write a precompiled module of a form

Usage: formloom build <form.json> [-o form.mjs] [--import formloom] [--format esm|cjs]

The module compiles the form with the code formloom otherwise generates at run time already written
out, so a page whose Content-Security-Policy forbids eval ('unsafe-eval' absent) still gets the fast
path, and nothing compiles code from strings. It exports the compiled form (default export and
\`form\`), its \`definition\`, and \`compile(options)\` for a calendar, formats or a locale of your own.
A module built by another formloom release still works: parts that no longer match are not used.

Options:
  -o, --out <file>      where to write it (default: standard output); its declaration goes beside it
                        (form.mjs -> form.d.mts, form.cjs -> form.d.cts), typed with the form's values
      --import <spec>   where the module imports formloom from (default: formloom)
      --format esm|cjs  module format (default: from the extension: .cjs/.cts is cjs, else esm)
  -h, --help            this text

Examples:
  formloom build forms/intake.json -o src/forms/intake.mjs
  formloom build forms/intake.json --format cjs -o intake.cjs

Exit codes: 0 written; 1 the definition has errors; 2 wrong command line; 3 a file could not be read or written.
`;

const formatOf = (given: string | undefined, out: string | undefined): 'esm' | 'cjs' => {
  if (given === 'esm' || given === 'cjs') return given;
  if (given !== undefined) throw new UsageError(`--format must be esm or cjs`);
  return out !== undefined && /\.c[jt]s$/.test(out) ? 'cjs' : 'esm';
};

export const buildCommand: Command = {
  name: 'build',
  summary: 'write a precompiled module of a form (no eval at run time)',
  help,
  async run(args, io) {
    const { values, positionals } = readArgs(args, {
      out: { type: 'string', short: 'o' },
      import: { type: 'string' },
      format: { type: 'string' },
    });
    const file = oneDefinitionFile(positionals);
    const out = values.out === '-' ? undefined : values.out;
    const format = formatOf(values.format, out);
    const form = await loadForm(resolve(io.cwd, file), file);
    const module = precompiledModule(internalFormOf(form), { importFrom: values.import ?? 'formloom', format, sourceName: basename(file), version: packageVersion() });
    if (out === undefined) io.stdout.write(module);
    else {
      await writeTextFile(resolve(io.cwd, out), out, module);
      // Its types beside it, as a bundler and tsc look for them: the form's values type and the typed exports.
      const declaration = declarationPath(out);
      if (declaration !== undefined) {
        await writeTextFile(resolve(io.cwd, declaration), declaration, precompiledTypes(internalFormOf(form), { importFrom: values.import ?? 'formloom', format, source: basename(file), version: packageVersion() }));
      }
      io.stderr.write(`${out}: ${form.id} v${form.version}, ${format}, ${Math.round(module.length / 1024)} KB\n`);
    }
    return EXIT.ok;
  },
};
