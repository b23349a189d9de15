import { compileDefinition, type CompileOptions } from '../compile/compileDefinition';
import { createForm } from './createForm';
import type { CompiledForm } from './types';

/**
 * Compiles a JSON form definition once into a frozen form whose methods are pure functions.
 * Throws FormDefinitionError listing every problem of the definition at once, and FormUsageError
 * for options that are not options.
 */
export const compileForm = (definition: unknown, options?: CompileOptions): CompiledForm => createForm(compileDefinition(definition, options));
