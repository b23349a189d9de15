import type { DefinitionIssue, DefinitionIssueCode, DefinitionParams, DefinitionWarning, WarningCode } from '../core/issues';
import { closest, type SuggestBudget } from '../core/suggest';
import { definitionMessage } from '../messages/formatIssue';

const SUGGEST_WORK = 10_000_000;

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

  constructor(private readonly locale: string) {}

  /** "Did you mean": the candidate `name` most likely meant, within this compile's budget. */
  suggest(name: string, candidates: Iterable<string>): string | undefined {
    return closest(name, candidates, this.budget);
  }

  issue(code: DefinitionIssueCode, path: string, reason?: string, params: DefinitionParams = {}): void {
    const cleaned = clean(params);
    const message = definitionMessage(code, reason, cleaned, this.locale);
    const identity = `${code}\u0000${path}\u0000${message}`;
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    this.issues.push(reason === undefined ? { path, code, message, params: cleaned } : { path, code, reason, message, params: cleaned });
    for (let prefix = path; prefix !== ''; prefix = prefix.slice(0, Math.max(0, prefix.lastIndexOf('.')))) {
      if (this.touched.has(prefix)) break;
      this.touched.add(prefix);
    }
  }

  warn(code: WarningCode, path: string, params: DefinitionParams = {}): void {
    const cleaned = clean(params);
    this.warnings.push({ path, code, message: definitionMessage(code, undefined, cleaned, this.locale), params: cleaned });
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
