import type { DefinitionIssue, DefinitionIssueCode, DefinitionParams, DefinitionWarning, WarningCode } from '../core/issues';
import { closest, type SuggestBudget } from '../core/suggest';
import { definitionMessage } from '../messages/formatIssue';

const SUGGEST_WORK = 10_000_000;

/** An issue as a check reports it, before its message is written. */
export interface PlacedIssue {
  readonly code: DefinitionIssueCode;
  readonly path: string;
  readonly reason: string | undefined;
  readonly params: DefinitionParams;
}

/**
 * Moves issues found in a resolved variant to where its author wrote the part at fault: a path of
 * the variant, or the change that broke something in the base (see relocateIssues.ts).
 */
export interface IssueRelocation {
  issue(issue: PlacedIssue): PlacedIssue;
  warning(path: string, params: DefinitionParams): { readonly path: string; readonly params: DefinitionParams };
}

/**
 * Collects definition issues and warnings; the one place every definition issue is made, so each has
 * the same shape: path, code, reason, params (with the suggestion) and a message in the compile locale.
 */
export class IssueCollector {
  readonly issues: DefinitionIssue[] = [];
  readonly warnings: DefinitionWarning[] = [];
  private readonly seen = new Set<string>();
  // Every path with an issue, and each of its prefixes: "is there an issue under this field?" in O(1).
  private readonly touched = new Set<string>();

  /**
   * Shared by every suggestion of this compile (see SuggestBudget). About 40 ms of work: enough for
   * dozens of typos against thousands of names, while a definition built to make every issue search
   * thousands of long values stops suggesting instead of compiling for minutes.
   */
  private readonly budget: SuggestBudget = { remaining: SUGGEST_WORK };

  private relocation: IssueRelocation | undefined;

  constructor(private readonly locale: string) {}

  /**
   * From now on, issues and warnings are reported where `relocation` puts them. Checks keep asking
   * `hasIssueAt` with the paths they know, the resolved definition's.
   */
  relocateWith(relocation: IssueRelocation): void {
    this.relocation = relocation;
  }

  /** "Did you mean": the candidate `name` most likely meant, within this compile's budget. */
  suggest(name: string, candidates: Iterable<string>): string | undefined {
    return closest(name, candidates, this.budget);
  }

  issue(code: DefinitionIssueCode, path: string, reason?: string, params: DefinitionParams = {}): void {
    const found: PlacedIssue = { code, path, reason, params: clean(params) };
    const placed = this.relocation === undefined ? found : this.relocation.issue(found);
    const message = definitionMessage(placed.code, placed.reason, placed.params, this.locale);
    const identity = `${placed.code}\u0000${placed.path}\u0000${message}`;
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    const { code: placedCode, path: placedPath, reason: placedReason, params: placedParams } = placed;
    this.issues.push(placedReason === undefined
      ? { path: placedPath, code: placedCode, message, params: placedParams }
      : { path: placedPath, code: placedCode, reason: placedReason, message, params: placedParams });
    for (let prefix = path; prefix !== ''; prefix = prefix.slice(0, Math.max(0, prefix.lastIndexOf('.')))) {
      if (this.touched.has(prefix)) break;
      this.touched.add(prefix);
    }
  }

  warn(code: WarningCode, path: string, params: DefinitionParams = {}): void {
    const found = { path, params: clean(params) };
    const placed = this.relocation === undefined ? found : this.relocation.warning(found.path, found.params);
    this.warnings.push({ path: placed.path, code, message: definitionMessage(code, undefined, placed.params, this.locale), params: placed.params });
  }

  /** True when an issue was reported at `path` or below it. */
  hasIssueAt(path: string): boolean {
    return this.touched.has(path);
  }
}

/** Params without undefined entries: a suggestion that found nothing is not part of the issue. */
const clean = (params: DefinitionParams): DefinitionParams => {
  const result: Record<string, string | number> = {};
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
};
