import { basename, resolve } from 'node:path';
import { internalFormOf } from '../form/internal';
import { isTypeName } from '../typegen/typeName';
import { valuesTypeModule } from '../typegen/valuesType';
import { oneDefinitionFile, readArgs } from './args';
import { loadForm } from './formFile';
import { EXIT, UsageError, type Command } from './io';
import { packageVersion } from './version';
import { writeTextFile } from './writeTextFile';

const help = `formloom types: write the TypeScript type of a form's values

Usage: formloom types <form.json> [-o form.d.ts] [--name TypeName]

Writes a module exporting one type, \`<FormId>Values\` (customer-intake -> CustomerIntakeValues), for
\`compileForm<CustomerIntakeValues>(definition)\`: validate results, sessions and records are then typed.
Choices are unions of their option values (every optionsIf case included), multiselects arrays of
them, groups arrays of row objects, cascaders their root-to-leaf paths, dates template strings. A key
is required only when the field is required with no condition, no role restriction and not filled
by the system. Each key carries the field's label as documentation.

Options:
  -o, --out <file>   where to write it (default: standard output)
      --name <name>  the exported type's name (default: from the form id)
  -h, --help         this text

Examples:
  formloom types forms/intake.json -o src/forms/intake.d.ts
  formloom types forms/intake.json --name IntakeAnswers > intake-types.ts

Exit codes: 0 written; 1 the definition has errors or is not JSON; 2 wrong command line; 3 a file could not be read or written.
`;

/** A name given on the command line, shown in a message: no control sequence reaches the terminal. */
const printable = (text: string): string => JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

export const typesCommand: Command = {
  name: 'types',
  summary: 'write the TypeScript type of a form\'s values (.d.ts)',
  help,
  async run(args, io) {
    const { values, positionals } = readArgs(args, {
      out: { type: 'string', short: 'o' },
      name: { type: 'string' },
    });
    const file = oneDefinitionFile(positionals);
    if (values.name !== undefined && !isTypeName(values.name)) {
      throw new UsageError(`--name must be a TypeScript type name (a letter, then letters, digits, _ or $; not a reserved word): ${printable(values.name)}`);
    }
    const out = values.out === '-' ? undefined : values.out;
    const form = await loadForm(resolve(io.cwd, file), file);
    const module = valuesTypeModule(internalFormOf(form), { name: values.name, source: basename(file), version: packageVersion() });
    if (out === undefined) io.stdout.write(module);
    else {
      await writeTextFile(resolve(io.cwd, out), out, module);
    }
    return EXIT.ok;
  },
};
