import { compileDefinition, type CompileOptions as DefinitionOptions } from '../compile/compileDefinition';
import { FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { WorkingCalendar } from '../workflow/workingCalendar';
import { createForm } from './createForm';
import type { CompiledForm } from './types';

/** Options of `compileForm`. */
export interface CompileOptions extends DefinitionOptions {
  /**
   * Which days are worked, for deadlines in working days (`{ "workingDays": 1 }`): holidays and
   * the weekend days worked instead (调休). Default: Saturday and Sunday off. See `workingCalendar`.
   */
  readonly calendar?: WorkingCalendar;
}

/**
 * Compiles a JSON form definition once into a frozen form whose methods are pure functions.
 * Throws FormDefinitionError listing every problem of the definition at once, and FormUsageError
 * for options that are not options.
 */
export const compileForm = (definition: unknown, options?: CompileOptions): CompiledForm => {
  if (!isPlainObject(options) || options.calendar === undefined) return createForm(compileDefinition(definition, options));
  const { calendar, ...rest } = options;
  if (typeof calendar !== 'object' || calendar === null || typeof (calendar as { isWorkingDay?: unknown }).isWorkingDay !== 'function') {
    throw new FormUsageError('bad-option', '`calendar` must be a WorkingCalendar ({ isWorkingDay(date) }), e.g. workingCalendar({ holidays, workdays })', 'calendar');
  }
  return createForm(compileDefinition(definition, rest), calendar as WorkingCalendar);
};
