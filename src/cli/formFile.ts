import { FormDefinitionError } from '../core/issues';
import { compileForm } from '../form/compileForm';
import type { CompiledForm } from '../form/types';
import { dirname } from 'node:path';
import { baseResolver } from './baseResolver';
import { readDefinitionBytes } from './definitionFile';
import { fsReason } from './fsReason';
import { InputProblem } from './inputProblem';
import { FileError } from './io';
import { jsonErrorOffset } from './jsonPosition';
import { lineColumnOf } from './lineColumn';

/**
 * Reads and compiles a definition file. Unreadable: FileError (exit 3). Not JSON, or a definition
 * with errors: InputProblem (exit 1) with where, and the definition's own first problems.
 */
export const loadForm = async (path: string, shown: string, bases?: readonly string[]): Promise<CompiledForm> => {
  let text: string;
  try {
    text = new TextDecoder().decode(await readDefinitionBytes(path));
  } catch (error) {
    throw new FileError(`cannot read ${shown}: ${fsReason(error)}`);
  }
  // An editor's BOM is not part of the JSON.
  const json = text.replace(/^\uFEFF/, '');
  let definition: unknown;
  try {
    definition = JSON.parse(json);
  } catch (error) {
    const offset = jsonErrorOffset(error);
    const at = offset === undefined ? undefined : lineColumnOf(json)(offset);
    throw new InputProblem(`${shown}${at === undefined ? '' : `:${at.line}:${at.column}`}: not valid JSON`);
  }
  try {
    // A variant's base is looked up among the definition files beside it (or in --bases).
    return compileForm(definition, { resolve: baseResolver(path, dirname(path), bases) });
  } catch (error) {
    // Its message lists the first five problems with their paths, briefly; `formloom check` details them.
    if (error instanceof FormDefinitionError) throw new InputProblem(`${shown}: ${error.message}`);
    throw error;
  }
};
