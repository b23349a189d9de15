import type { DefinitionIssueCode, DefinitionParams } from '../core/issues';
import { hasOwn, isPlainObject, isReservedName } from '../core/reserved';
import type { DefinitionRef } from '../definition/formDefinition';
import { checkShape } from './checkShape';
import { checkVariantKeys, checkVariantShape } from './checkVariantShape';
import { IssueCollector } from './issueCollector';
import { loadBase, type DefinitionResolver } from './loadBase';
import { mergeVariant } from './mergeVariant';
import { readDefinition } from './readDefinition';
import { relocateIssues, type Removal } from './relocateIssues';
import { flatOrigin, originOf, type OriginOf } from './variantProvenance';
import type { Raw, VariantReporter } from './variantState';

/** Longer chains of bases are refused: a resolver that makes up a new base on every call would never end. */
export const MAX_BASES = 16;

interface Level {
  readonly definition: Raw;
  readonly originOf: OriginOf;
  readonly removedFields: ReadonlyMap<string, Removal>;
  readonly removedSets: ReadonlyMap<string, Removal>;
  readonly changedFields: ReadonlyMap<string, string>;
  readonly optionRemovals: ReadonlyMap<string, string>;
}

const refOf = (value: unknown): DefinitionRef | undefined =>
  isPlainObject(value) && typeof value.id === 'string' && typeof value.version === 'number' ? { id: value.id, version: value.version } : undefined;

interface Chain {
  readonly issues: IssueCollector;
  readonly resolve: DefinitionResolver | undefined;
  /** `id v1` of each level so far, the variant first. */
  readonly names: string[];
  readonly seen: string[];
}

/** A reporter for one level that remembers whether it reported anything. */
interface LevelReporter extends VariantReporter {
  readonly failed: () => boolean;
}

const nameOf = (ref: DefinitionRef): string => `${ref.id} v${ref.version}`;

/**
 * The variant's own problems go where its author wrote them; a base's (itself a variant, or the
 * form at the end of the chain) to the variant's `extends`, naming the base and the path in it.
 */
const reporterAt = (chain: Chain, depth: number): LevelReporter => {
  let failed = false;
  return {
    failed: () => failed,
    suggest: (name, candidates) => chain.issues.suggest(name, candidates),
    issue: (code: DefinitionIssueCode, path: string, reason?: string, params: DefinitionParams = {}) => {
      failed = true;
      if (depth === 0) chain.issues.issue(code, path, reason, params);
      else chain.issues.issue(code, 'extends', reason, { ...params, base: chain.names[depth] ?? '', basePath: path });
    },
  };
};

/** Runs a check meant for a whole compile on one level, and forwards what it finds. */
const checkLevel = (definition: Raw, check: (definition: Raw, issues: IssueCollector) => void, report: LevelReporter): void => {
  const found = new IssueCollector('en');
  check(definition, found);
  for (const issue of found.issues) report.issue(issue.code, issue.path, issue.reason, issue.params);
};

const shift = (removals: ReadonlyMap<string, Removal>, into: Map<string, Removal>): void => {
  for (const [name, removal] of removals) if (!into.has(name)) into.set(name, { depth: removal.depth + 1, index: removal.index });
};

const resolveLevel = (definition: Raw, depth: number, chain: Chain): Level | undefined => {
  const report = reporterAt(chain, depth);
  // Resolution goes on past a variant's own mistakes (the merge skips what it cannot read), so the
  // author sees them together with what the checks find in the result; only a base is needed.
  checkLevel(definition, checkVariantShape, report);
  const ref = refOf(definition.extends);
  // A prototype name (reported as reserved-id when read) is never handed to a resolver that may index an object with it.
  if (ref === undefined || isReservedName(ref.id)) return undefined;
  const key = `${ref.id}@${ref.version}`;
  if (chain.seen.includes(key)) {
    report.issue('extends-cycle', 'extends', undefined, { chain: [...chain.names, nameOf(ref)].join(' → ') });
    return undefined;
  }
  if (depth + 1 > MAX_BASES) {
    report.issue('extends-cycle', 'extends', 'too-long', { limit: MAX_BASES });
    return undefined;
  }
  chain.names.push(nameOf(ref));
  chain.seen.push(key);
  const inBase = reporterAt(chain, depth + 1);
  const base = loadBase(ref, chain.resolve, report, inBase);
  if (base === undefined) return undefined;
  let flat: Level | undefined;
  if (hasOwn(base, 'extends')) flat = resolveLevel(base, depth + 1, chain);
  else {
    checkLevel(base, (read, issues) => {
      checkShape(read, issues);
      checkVariantKeys(read, issues);
    }, inBase);
    flat = inBase.failed() ? undefined : { definition: base, originOf: flatOrigin, removedFields: new Map(), removedSets: new Map(), changedFields: new Map(), optionRemovals: new Map() };
  }
  if (flat === undefined) return undefined;
  const merged = mergeVariant(definition, flat.definition, report);
  const removedFields = new Map<string, Removal>([...merged.removedFields].map(([name, index]) => [name, { depth: 0, index }]));
  const removedSets = new Map<string, Removal>([...merged.removedSets].map(([name, index]) => [name, { depth: 0, index }]));
  shift(flat.removedFields, removedFields);
  shift(flat.removedSets, removedSets);
  const { changedFields, optionRemovals } = merged;
  return { definition: merged.definition, originOf: originOf(merged.sources, flat.originOf), removedFields, removedSets, changedFields, optionRemovals };
};

/**
 * A definition ready for the compile checks: itself, or, for a variant (one with `extends`), the
 * flat definition its chain of bases resolves to — read again into a frozen copy, with the
 * collector set to report what the checks find where the variant's author wrote it. Undefined when
 * the variant cannot be resolved; the reasons are in `issues`.
 */
export const resolveDefinition = (definition: Raw, resolve: DefinitionResolver | undefined, issues: IssueCollector): Raw | undefined => {
  if (!hasOwn(definition, 'extends')) {
    checkVariantKeys(definition, issues);
    return definition;
  }
  const own = { id: String(definition.id), version: Number(definition.version) };
  const chain: Chain = { issues, resolve, names: [nameOf(own)], seen: [`${own.id}@${own.version}`] };
  const level = resolveLevel(definition, 0, chain);
  if (level === undefined) return undefined;
  const count = issues.issues.length;
  issues.relocateWith(relocateIssues({ ...level, names: chain.names }));
  const resolved = readDefinition(level.definition as Record<string, unknown>, issues);
  return issues.issues.length > count ? undefined : resolved;
};
