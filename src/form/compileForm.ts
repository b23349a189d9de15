import { compileDefinition, type CompileOptions as DefinitionOptions } from '../compile/compileDefinition';
import { attachPrecompiled, type PrecompiledForm } from '../compile/precompiled';
import { FormUsageError } from '../core/issues';
import type { FormDefinition } from '../definition/formDefinition';
import type { InferValues } from '../definition/inferValues';
import type { WorkingCalendar } from '../workflow/workingCalendar';
import { createForm } from './createForm';
import { isLocaleTag, readOptionBag } from './readOptions';
import type { CompiledForm, FormValues } from './types';

/** Options of `compileForm`. */
export interface CompileOptions extends DefinitionOptions {
  /**
   * Which days are worked, for deadlines in working days (`{ "workingDays": 1 }`): holidays and
   * the weekend days worked instead (调休). Default: Saturday and Sunday off. See `workingCalendar`.
   */
  readonly calendar?: WorkingCalendar;
  /**
   * Code `formloom build` generated for this definition, so that validation takes its fast path
   * without compiling code at run time (a page whose CSP forbids eval). Written by the built module,
   * not by hand: a part that does not match this release and definition is ignored.
   */
  readonly precompiled?: PrecompiledForm;
}

const COMPILE_OPTIONS = ['locale', 'formats', 'timeZone', 'calendar', 'precompiled', 'resolve'] as const;

/**
 * The options read once into a plain object: a Proxy or a getter is asked here, inside a try, and
 * nothing after this sees anything but data, so misuse is a FormUsageError and never a TypeError.
 */
interface ReadOptions {
  readonly definition: DefinitionOptions;
  readonly calendar: WorkingCalendar | undefined;
  readonly precompiled: PrecompiledForm | undefined;
}

const readCompileOptions = (given: unknown): ReadOptions => {
  const bag = readOptionBag(given, COMPILE_OPTIONS, 'compileForm');
  let locale: unknown;
  let formats: unknown;
  let timeZone: unknown;
  let calendar: unknown;
  let isWorkingDay: unknown;
  let precompiled: unknown;
  let precompiledFormat: unknown;
  let resolve: unknown;
  try {
    ({ locale, formats, timeZone, calendar, precompiled, resolve } = bag);
    isWorkingDay = typeof calendar === 'object' && calendar !== null ? (calendar as { isWorkingDay?: unknown }).isWorkingDay : undefined;
    precompiledFormat = typeof precompiled === 'object' && precompiled !== null ? (precompiled as { format?: unknown }).format : undefined;
  } catch {
    throw new FormUsageError('bad-option', 'compileForm options could not be read');
  }
  // The same test validate() applies to its `locale`: a tag compileForm accepts, every call accepts.
  if (locale !== undefined && !isLocaleTag(locale)) {
    throw new FormUsageError('bad-option', '`locale` must be a language tag such as zh-CN, zh-TW or en', 'locale');
  }
  if (calendar !== undefined && typeof isWorkingDay !== 'function') {
    throw new FormUsageError('bad-option', '`calendar` must be a WorkingCalendar ({ isWorkingDay(date) }), e.g. workingCalendar({ holidays, workdays })', 'calendar');
  }
  if (precompiled !== undefined && precompiledFormat !== 1) {
    throw new FormUsageError('bad-option', '`precompiled` must be the object a module written by `formloom build` passes', 'precompiled');
  }
  const definition: { -readonly [K in keyof DefinitionOptions]: DefinitionOptions[K] } = {};
  if (locale !== undefined) definition.locale = locale as string;
  if (formats !== undefined) definition.formats = formats as DefinitionOptions['formats'];
  if (timeZone !== undefined) definition.timeZone = timeZone as string;
  if (resolve !== undefined) definition.resolve = resolve as DefinitionOptions['resolve'];
  return { definition, calendar: calendar as WorkingCalendar | undefined, precompiled: precompiled as PrecompiledForm | undefined };
};

/**
 * Compiles a JSON form definition once into a frozen form whose methods are pure functions.
 * Throws FormDefinitionError listing every problem of the definition at once, and FormUsageError
 * for options that are not options.
 *
 * Typed three ways: a definition written in TypeScript `as const` (best `as const satisfies
 * FormDefinition`) gives `CompiledForm<InferValues<typeof definition>>`; `compileForm<Values>(json)`
 * takes the type `formloom types` wrote; anything else (JSON read at run time, a literal without
 * `as const`, whose ids widen to string) gives `CompiledForm`, whose values are `FormValues`.
 */
export function compileForm<D extends FormDefinition>(definition: D, options?: CompileOptions): CompiledForm<InferValues<D>>;
export function compileForm<V extends FormValues = FormValues>(definition: unknown, options?: CompileOptions): CompiledForm<V>;
export function compileForm(definition: unknown, options?: CompileOptions): CompiledForm {
  const { definition: definitionOptions, calendar, precompiled } = readCompileOptions(options);
  const internal = compileDefinition(definition, definitionOptions);
  if (precompiled !== undefined) attachPrecompiled(internal, precompiled);
  return createForm(internal, calendar);
}
