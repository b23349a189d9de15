import { isTimeZone } from '../core/clock';
import { FormDefinitionError, FormUsageError } from '../core/issues';
import { containerKind, isPlainObject } from '../core/reserved';
import type { FormatTable } from '../fields/fieldKind';
import { TEXT_FORMATS, type FormatCheck } from '../formats/textFormats';
import { definitionMessage } from '../messages/formatIssue';
import { buildInternalForm } from './buildInternalForm';
import { buildModel } from './buildModel';
import { checkConditions } from './checkConditions';
import { checkDefaults } from './checkDefaults';
import { checkPatternCost } from './checkPatternCost';
import { checkNotifications } from './checkNotifications';
import { checkFields, checkReferences } from './checkReferences';
import { checkShape } from './checkShape';
import { collectWarnings } from './collectWarnings';
import { orderFields } from './dependencyGraph';
import type { Dependent, InternalForm } from './internalForm';
import { IssueCollector } from './issueCollector';
import type { DefinitionResolver } from './loadBase';
import { collectLogicSites } from './logicSites';
import { readDefinition } from './readDefinition';
import { resolveDefinition } from './resolveVariant';

/** Options of `compileForm`. */
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
  /**
   * Loads the form a variant extends (`"extends": { "id": "customer-intake", "version": 1 }`):
   * returns that definition, parsed, or undefined when there is none. Synchronous; whatever it
   * returns is read as untrusted JSON, as the definition itself is.
   */
  readonly resolve?: DefinitionResolver;
}

const COMPILE_OPTIONS = ['locale', 'formats', 'timeZone', 'resolve'] as const;

interface ReadOptions {
  readonly locale: string;
  readonly formats: FormatTable;
  readonly timeZone: string | undefined;
  readonly resolve: DefinitionResolver | undefined;
}

const readOptions = (options: unknown): ReadOptions => {
  if (options === undefined || options === null) return { locale: 'en', formats: new Map(Object.entries(TEXT_FORMATS)), timeZone: undefined, resolve: undefined };
  if (!isPlainObject(options)) throw new FormUsageError('bad-option', 'compileForm options must be an object');
  for (const key of Object.keys(options)) {
    if (!(COMPILE_OPTIONS as readonly string[]).includes(key)) throw new FormUsageError('bad-option', `unknown compileForm option '${key}' (options: ${COMPILE_OPTIONS.join(', ')})`, key);
  }
  const { locale = 'en', formats = {}, timeZone, resolve } = options as CompileOptions;
  if (resolve !== undefined && typeof resolve !== 'function') throw new FormUsageError('bad-option', '`resolve` must be a function ({ id, version }) => definition', 'resolve');
  if (typeof locale !== 'string') throw new FormUsageError('bad-option', '`locale` must be a language tag such as zh-CN', 'locale');
  if (timeZone !== undefined && (typeof timeZone !== 'string' || !isTimeZone(timeZone))) {
    throw new FormUsageError('bad-option', '`timeZone` must be an IANA time zone such as Asia/Shanghai', 'timeZone');
  }
  if (!isPlainObject(formats)) throw new FormUsageError('bad-option', '`formats` must map format names to functions', 'formats');
  const table = new Map<string, FormatCheck>(Object.entries(TEXT_FORMATS));
  let given: [string, unknown][];
  // Reading runs the caller's getters (or a Proxy's traps): what throws there is misuse, not a crash.
  try {
    given = Object.entries(formats);
  } catch {
    throw new FormUsageError('bad-option', '`formats` could not be read', 'formats');
  }
  for (const [name, test] of given) {
    if (typeof test !== 'function') throw new FormUsageError('bad-option', `format '${name}' must be a function (value: string) => boolean`, 'formats');
    // A caller's check may throw on odd input: a throwing check is a failed check, never a crash.
    table.set(name, (value) => {
      try {
        return test(value) === true ? value : undefined;
      } catch {
        return undefined;
      }
    });
  }
  return { locale, formats: table, timeZone, resolve };
};

/**
 * Compiles a definition into the internal form: reads it (a frozen copy), resolves a variant
 * against its bases (`resolve`), checks its shape, builds the field model, analyses every
 * condition, orders the fields, checks references and defaults, and throws FormDefinitionError
 * with every problem at once; otherwise builds the frozen internal form.
 */
export const compileDefinition = (definition: unknown, options?: CompileOptions): InternalForm => {
  const { locale, formats, timeZone, resolve } = readOptions(options);
  const issues = new IssueCollector(locale);
  if (containerKind(definition) !== 'object') {
    throw new FormDefinitionError([{ path: '', code: 'schema', reason: 'root', message: definitionMessage('schema', 'root', {}, locale), params: {} }]);
  }
  const source = readDefinition(definition as Record<string, unknown>, issues);
  // Deeper than the limit, or not JSON: later passes recurse and must not see it.
  if (issues.issues.some((issue) => issue.reason === 'too-deep' || issue.reason === 'bad-value')) throw new FormDefinitionError(issues.issues);
  // A variant is checked as the flat definition it resolves to; its issues go back to the variant.
  const def = resolveDefinition(source, resolve, issues);
  if (def === undefined) throw new FormDefinitionError(issues.issues);
  checkShape(def, issues);
  const model = buildModel(def, issues);
  const { dependencies, dependents } = checkConditions(model, collectLogicSites(model), issues);
  const order = orderFields(model, dependencies, issues);
  checkFields(model, formats, issues);
  checkPatternCost(model, issues);
  checkReferences(model, issues);
  checkNotifications(model, issues);
  const defaults = checkDefaults(model, formats, issues);
  if (issues.issues.length > 0) throw new FormDefinitionError(issues.issues);
  collectWarnings(model, issues);
  addRequiresDependents(model.def, dependents);
  const formZone = typeof def.timeZone === 'string' ? def.timeZone : undefined;
  return buildInternalForm({ model, order, formats, dependents, defaults, warnings: issues.warnings, timeZone: timeZone ?? formZone });
};

/** A transition that requires a field depends on it too: a session can tell when the button enables. */
const addRequiresDependents = (def: Readonly<Record<string, unknown>>, dependents: Map<string, Dependent[]>): void => {
  const workflows = isPlainObject(def.workflows) ? def.workflows : {};
  for (const [workflow, raw] of Object.entries(workflows)) {
    const transitions = isPlainObject(raw) && Array.isArray(raw.transitions) ? raw.transitions : [];
    transitions.forEach((transition: unknown, index: number) => {
      const requires = isPlainObject(transition) && Array.isArray(transition.requires) ? transition.requires : [];
      for (const id of requires) {
        if (typeof id !== 'string') continue;
        const list = dependents.get(id) ?? [];
        list.push({ kind: 'workflow', workflow, transition: index, via: 'requires' });
        dependents.set(id, list);
      }
    });
  }
};

