import { containerKind } from '../core/reserved';
import type { DefinitionRef } from '../definition/formDefinition';
import { IssueCollector } from './issueCollector';
import { readDefinition } from './readDefinition';
import type { VariantReporter } from './variantState';

/** What `compileForm` calls to load the form a variant extends; whatever it returns is read as untrusted JSON. */
export type DefinitionResolver = (ref: DefinitionRef) => unknown;

/**
 * Asks the resolver for a base and reads what it returns exactly as any definition is read (a
 * frozen JSON copy: getters never called, prototype keys refused, nesting and lengths bounded).
 * Problems with the answer are reported at the variant's `extends` (`report`), problems inside the
 * base at their path in it (`inBase`); the resolver's own errors are never repeated, since they
 * may hold anything. Undefined when there is no base to merge.
 */
export const loadBase = (ref: DefinitionRef, resolve: DefinitionResolver | undefined, report: VariantReporter, inBase: VariantReporter): Readonly<Record<string, unknown>> | undefined => {
  const params = { id: ref.id, version: ref.version };
  if (resolve === undefined) {
    report.issue('no-resolver', 'extends', undefined, params);
    return undefined;
  }
  let answer: unknown;
  try {
    answer = resolve(Object.freeze({ ...params }));
    if (answer instanceof Promise) {
      // Nobody will wait for it: keep an unhandled rejection from reaching the process.
      answer.catch(() => undefined);
      report.issue('unknown-base', 'extends', 'promise', params);
      return undefined;
    }
  } catch {
    report.issue('unknown-base', 'extends', 'threw', params);
    return undefined;
  }
  if (answer === undefined || answer === null) {
    report.issue('unknown-base', 'extends', undefined, params);
    return undefined;
  }
  if (containerKind(answer) !== 'object') {
    report.issue('unknown-base', 'extends', 'not-definition', params);
    return undefined;
  }
  const read = new IssueCollector('en');
  const base = readDefinition(answer as Record<string, unknown>, read);
  for (const issue of read.issues) inBase.issue(issue.code, issue.path, issue.reason, issue.params);
  if (read.issues.length > 0) return undefined;
  if (base.id !== ref.id || base.version !== ref.version) {
    report.issue('unknown-base', 'extends', 'mismatch', params);
    return undefined;
  }
  return base;
};
