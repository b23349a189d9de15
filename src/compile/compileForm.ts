import type { FormDefinition } from '../core/definitionTypes';
import { FormDefinitionError, FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import { DEFINITION_MESSAGES } from '../messages/definitionMessages';
import { builtInLocale } from '../core/localize';
import { dayIn, runPass, type PassOptions } from '../validate/runPass';
import type { RuntimeForm } from '../validate/runtimeTypes';
import { buildModel } from './buildModel';
import { buildRuntime } from './buildRuntime';
import { checkConditions } from './checkConditions';
import { checkReferences, checkReservedKeys } from './checkReferences';
import { checkShape } from './checkShape';
import { collectWarnings } from './collectWarnings';
import type { CompiledForm, EvaluateContext, ValidateOptions } from './compiledForm';
import { orderFields } from './dependencyGraph';
import { IssueCollector } from './issueCollector';
import { collectLogicSites } from './logicSites';

export interface CompileOptions {
  /** Language of definition issue messages. Default 'en'. */
  readonly locale?: string;
  /** Extra text formats: `{ 'hk-mobile': (v) => /^[5-9]\d{7}$/.test(v) }`, used as `"format": "hk-mobile"`. */
  readonly formats?: Readonly<Record<string, (value: string) => boolean>>;
  /**
   * IANA time zone in which `$today` is taken, e.g. 'Asia/Shanghai': a server running in UTC then
   * still judges "not in the past" by the customer's calendar. Default: the runtime's local zone.
   */
  readonly timeZone?: string;
}

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
};

/**
 * Compiles a JSON form definition once into a frozen form whose methods are pure functions.
 * Throws FormDefinitionError listing every problem of the definition at once.
 */
export const compileForm = (definition: unknown, options: CompileOptions = {}): CompiledForm => {
  const locale = options.locale ?? 'en';
  if (!isPlainObject(definition)) {
    const message = DEFINITION_MESSAGES[builtInLocale(locale)]['schema.root'];
    throw new FormDefinitionError([{ path: '', code: 'schema', message }]);
  }
  // The form keeps its own frozen copy: the caller may change its object later.
  let frozen: Record<string, unknown>;
  try {
    frozen = deepFreeze(structuredClone(definition));
  } catch {
    const message = DEFINITION_MESSAGES[builtInLocale(locale)]['schema.root'];
    throw new FormDefinitionError([{ path: '', code: 'schema', message }]);
  }
  const formats = options.formats ?? {};
  const issues = new IssueCollector(locale);
  checkReservedKeys(frozen, '', issues);
  checkShape(frozen, issues);
  const model = buildModel(frozen, issues);
  const dependencies = checkConditions(model, collectLogicSites(model), issues);
  const order = orderFields(model, dependencies, issues);
  checkReferences(model, Object.keys(formats), issues);
  if (issues.issues.length > 0) throw new FormDefinitionError(issues.issues);
  collectWarnings(model, issues);
  const runtime = buildRuntime(model, order, formats);
  checkTimeZone(options.timeZone);
  return createForm(frozen as unknown as FormDefinition, runtime, issues, options.timeZone);
};

// Callers tend to pass the same `now` string on every call (a request's timestamp): parse it once.
let lastNowInput: string | number | undefined;
let lastNowDate = new Date(Number.NaN);
const parseNow = (now: string | number): Date => {
  if (now !== lastNowInput) {
    lastNowInput = now;
    lastNowDate = new Date(now);
  }
  return lastNowDate;
};

const toDate = (now: Date | string | number | undefined): Date => {
  const date = now === undefined ? new Date() : now instanceof Date ? now : parseNow(now);
  if (Number.isNaN(date.getTime())) throw new FormUsageError('bad-argument', '`now` is not a valid date');
  return date;
};

const checkTimeZone = (timeZone: string | undefined): void => {
  if (timeZone === undefined) return;
  try {
    dayIn(new Date(0), timeZone);
  } catch {
    throw new FormUsageError('bad-argument', `'${timeZone}' is not an IANA time zone such as 'Asia/Shanghai'`);
  }
};

const createForm = (definition: FormDefinition, runtime: RuntimeForm, issues: IssueCollector, defaultTimeZone: string | undefined): CompiledForm => {
  const checkRole = (role: string | undefined): void => {
    if (role !== undefined && runtime.roles.size > 0 && !runtime.roles.has(role)) {
      throw new FormUsageError('unknown-role', `role '${role}' is not declared by form '${definition.id}' (roles: ${[...runtime.roles].join(', ')})`);
    }
  };
  const passOptions = (given: ValidateOptions & EvaluateContext | null | undefined, collectStates: boolean): PassOptions => {
    const options: ValidateOptions & EvaluateContext = typeof given === 'object' && given !== null ? given : {};
    checkRole(options.role);
    if (options.timeZone !== undefined) checkTimeZone(options.timeZone);
    return {
      mode: options.mode ?? 'submit',
      role: runtime.roles.size > 0 ? options.role : undefined,
      locale: options.locale ?? runtime.defaultLocale,
      now: toDate(options.now),
      timeZone: options.timeZone ?? defaultTimeZone,
      previous: options.previous,
      collectStates,
    };
  };
  return Object.freeze({
    id: definition.id,
    version: definition.version,
    defaultLocale: runtime.defaultLocale,
    roles: Object.freeze([...runtime.roles]),
    definition,
    warnings: Object.freeze(issues.warnings.slice()),
    validate(values: unknown, options?: ValidateOptions) {
      const result = runPass(runtime, values, passOptions(options, false));
      return { valid: result.errors.length === 0, errors: result.errors, values: result.values };
    },
    evaluate(values: unknown, context?: EvaluateContext) {
      const result = runPass(runtime, values, passOptions(context, true));
      return { fields: result.states ?? {}, tags: result.tags };
    },
  });
};
