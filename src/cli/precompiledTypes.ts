import type { InternalForm } from '../compile/internalForm';
import { jsString } from '../core/jsString';
import { valuesTypeName } from '../typegen/typeName';
import { valuesTypeModule } from '../typegen/valuesType';

/** Where a module's declaration goes: form.mjs -> form.d.mts, form.cjs -> form.d.cts, form.js -> form.d.ts. */
export const declarationPath = (modulePath: string): string | undefined => {
  const match = /^(.*)\.(m|c)?js$/.exec(modulePath);
  return match === null ? undefined : `${match[1]}.d.${match[2] ?? ''}ts`;
};

/**
 * The declaration of a module `formloom build` wrote: the values type `formloom types` writes, and the
 * exports typed with it, so `import form from './intake.mjs'` is a `CompiledForm<IntakeValues>`.
 */
export const precompiledTypes = (form: InternalForm, options: { readonly importFrom: string; readonly format: 'esm' | 'cjs'; readonly source: string; readonly version: string }): string => {
  const name = valuesTypeName(form.id);
  const values = valuesTypeModule(form, { name, source: options.source, version: options.version });
  const exports = options.format === 'esm'
    ? `declare const form: CompiledForm<${name}>;
export default form;
export { form };
export declare const definition: FormDefinition;
/** The compiled form with compile options of your own (calendar, formats, locale, timeZone). */
export declare const compile: (options?: Omit<CompileOptions, 'precompiled'>) => CompiledForm<${name}>;`
    : `declare const form: CompiledForm<${name}>;
export { form };
export { form as default };
export declare const definition: FormDefinition;
/** The compiled form with compile options of your own (calendar, formats, locale, timeZone). */
export declare const compile: (options?: Omit<CompileOptions, 'precompiled'>) => CompiledForm<${name}>;`;
  return `${values}
import type { CompiledForm, CompileOptions, FormDefinition } from ${jsString(options.importFrom)};

${exports}
`;
};
