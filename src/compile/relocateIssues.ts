import type { DefinitionParams } from '../core/issues';
import type { IssueRelocation, PlacedIssue } from './issueCollector';
import type { Origin, OriginOf } from './variantProvenance';

/** Something a variant removed, somewhere in the chain: `depth` 0 is the variant being compiled. */
export interface Removal {
  readonly depth: number;
  readonly index: number;
}

/** A variant resolved down its chain of bases: what traces paths back and what each level removed. */
export interface ResolvedChain {
  readonly originOf: OriginOf;
  readonly removedFields: ReadonlyMap<string, Removal>;
  readonly removedSets: ReadonlyMap<string, Removal>;
  /** Fields the variant itself changed, by key: the path of the change. */
  readonly changedFields: ReadonlyMap<string, string>;
  /** Option values the variant itself removed, by `field key \0 value`: the path of the removal. */
  readonly optionRemovals: ReadonlyMap<string, string>;
  /** `customer-intake v1` for each level, the variant first. */
  readonly names: readonly string[];
}

/** The removed field or option set an issue is about, when it is one: names as each code carries them. */
const removalBehind = (issue: PlacedIssue, chain: ResolvedChain): [string, Removal] | undefined => {
  const { code, reason, params } = issue;
  const name = typeof params.name === 'string' ? params.name : undefined;
  if (name === undefined) return undefined;
  if (code === 'unknown-option-set') {
    const removal = chain.removedSets.get(name);
    return removal === undefined ? undefined : [name, removal];
  }
  if (code !== 'unknown-field') return undefined;
  const candidates = [name];
  if (reason === 'rule-path') candidates.push(name.split('.')[0] ?? name);
  if (reason === 'rowField' && typeof params.group === 'string') candidates.unshift(`${params.group}.${name}`);
  for (const candidate of candidates) {
    const removal = chain.removedFields.get(candidate);
    if (removal !== undefined) return [candidate, removal];
  }
  return undefined;
};

/** The variant's change to the field an issue in a base part is about: the removed option it compares with, or the field's override. */
const changeBehind = (issue: PlacedIssue, chain: ResolvedChain): string | undefined => {
  const { field, value } = issue.params;
  if (typeof field !== 'string') return undefined;
  const removal = issue.code === 'unknown-option' && typeof value === 'string' ? chain.optionRemovals.get(`${field}\u0000${value}`) : undefined;
  return removal ?? chain.changedFields.get(field);
};

/**
 * Issues of a resolved variant, moved to where its author can act on them. A part the variant wrote
 * keeps its path in the variant. A part it took from a base is reported at the change that most
 * likely broke it, naming the base and the path there (params `base`, `basePath`): the `remove`
 * entry of a field still referenced (`removed-field-referenced`), the removal of an option still
 * compared with, the override of a field whose other keys or uses no longer fit, else `extends`. Paths in params (`first`) are traced the same way.
 */
export const relocateIssues = (chain: ResolvedChain): IssueRelocation => {
  const where = (origin: Origin): DefinitionParams => ({ base: chain.names[origin.depth] ?? '', basePath: origin.path });
  const traced = (params: DefinitionParams): DefinitionParams => {
    if (typeof params.first !== 'string') return params;
    const origin = chain.originOf(params.first);
    return { ...params, first: origin.depth === 0 ? origin.path : `${chain.names[origin.depth] ?? ''} ${origin.path}` };
  };
  return {
    issue: (issue) => {
      const origin = chain.originOf(issue.path);
      const params = traced(issue.params);
      if (origin.depth === 0) return { ...issue, path: origin.path, params };
      const removed = removalBehind(issue, chain);
      if (removed !== undefined) {
        const [name, removal] = removed;
        const path = removal.depth === 0 ? `remove.${removal.index}` : 'extends';
        return issue.code === 'unknown-field'
          ? { code: 'removed-field-referenced', path, reason: undefined, params: { name, ...where(origin) } }
          : { ...issue, path, params: { ...params, ...where(origin) } };
      }
      return { ...issue, path: changeBehind(issue, chain) ?? origin.anchor ?? 'extends', params: { ...params, ...where(origin) } };
    },
    warning: (path, params) => {
      const origin = chain.originOf(path);
      if (origin.depth === 0) return { path: origin.path, params: traced(params) };
      return { path: origin.anchor ?? 'extends', params: { ...traced(params), ...where(origin) } };
    },
  };
};
