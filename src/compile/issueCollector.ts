import type { DefinitionIssue, DefinitionIssueCode, DefinitionWarning, WarningCode } from '../core/issues';
import { builtInLocale, interpolate } from '../core/localize';
import { DEFINITION_MESSAGES, type DefinitionMessageKey } from '../messages/definitionMessages';

type Params = Readonly<Record<string, string | number | undefined>>;

/** Collects definition issues and warnings with localised messages; one place makes every issue. */
export class IssueCollector {
  readonly issues: DefinitionIssue[] = [];
  readonly warnings: DefinitionWarning[] = [];
  private readonly seen = new Set<string>();
  private readonly catalogue;

  constructor(locale: string) {
    this.catalogue = DEFINITION_MESSAGES[builtInLocale(locale)];
  }

  issue(code: DefinitionIssueCode, path: string, key: DefinitionMessageKey, params: Params = {}): void {
    const message = this.message(key, params);
    const identity = `${code}\u0000${path}\u0000${message}`;
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    this.issues.push({ path, code, message });
  }

  warn(code: WarningCode, path: string, key: DefinitionMessageKey, params: Params = {}): void {
    this.warnings.push({ path, code, message: this.message(key, params) });
  }

  hasIssueAt(prefix: string): boolean {
    return this.issues.some((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}.`));
  }

  private message(key: DefinitionMessageKey, params: Params): string {
    const hint = params.suggestion === undefined ? '' : interpolate(this.catalogue.hint, params);
    return interpolate(this.catalogue[key], { ...params, hint });
  }
}
