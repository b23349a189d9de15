import type { BuiltInLocale } from '../core/localize';
import type { CheckedIssue } from './checkDefinition';
import { checkMessage } from './checkMessages';

/** What became of one named file. */
export type FileResult =
  | { readonly file: string; readonly issues: readonly CheckedIssue[] }
  | { readonly file: string; readonly unreadable: string };

export interface Totals {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly unreadable: number;
}

export const totalsOf = (results: readonly FileResult[]): Totals => {
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;
  for (const result of results) {
    if ('unreadable' in result) unreadable++;
    else {
      for (const issue of result.issues) {
        if (issue.severity === 'error') errors++;
        else warnings++;
      }
    }
  }
  return { files: results.length, errors, warnings, unreadable };
};

/** One issue on one line: `file:line:col  severity  code  message`, grep- and editor-friendly. */
export const issueLine = (file: string, issue: CheckedIssue): string =>
  `${file}:${issue.line}:${issue.column}  ${issue.severity}  ${issue.code}  ${issue.message.replace(/[\r\n\u2028\u2029]+/g, ' ')}\n`;

const plural = (count: number, one: string, many: string): string => (count === 1 ? one : many);

/** "3 files: 2 errors, 1 warning", for standard error. */
export const summaryLine = (totals: Totals, locale: BuiltInLocale, strict: boolean): string => {
  const summary = checkMessage('summary', locale, {
    files: totals.files, filesWord: plural(totals.files, 'file', 'files'),
    errors: totals.errors, errorsWord: plural(totals.errors, 'error', 'errors'),
    warnings: totals.warnings, warningsWord: plural(totals.warnings, 'warning', 'warnings'),
  });
  const unreadable = totals.unreadable > 0 ? checkMessage('summary.unreadable', locale, { count: totals.unreadable }) : '';
  const strictNote = strict && totals.warnings > 0 ? checkMessage('summary.strict', locale) : '';
  return `${summary}${unreadable}${strictNote}\n`;
};

const statusOf = (result: FileResult): 'ok' | 'warnings' | 'errors' | 'unreadable' => {
  if ('unreadable' in result) return 'unreadable';
  if (result.issues.some((issue) => issue.severity === 'error')) return 'errors';
  return result.issues.length > 0 ? 'warnings' : 'ok';
};

/**
 * The `--json` document: every named file with its status and its issues (each repeating its file,
 * so a consumer may flatten them), then the totals and the exit code.
 */
export const jsonReport = (results: readonly FileResult[], exitCode: number): string => {
  const files = results.map((result) => ({
    file: result.file,
    status: statusOf(result),
    ...('unreadable' in result ? { reason: result.unreadable } : {}),
    issues: 'unreadable' in result ? [] : result.issues.map((issue) => ({
      file: result.file,
      line: issue.line,
      column: issue.column,
      severity: issue.severity,
      code: issue.code,
      ...(issue.reason === undefined ? {} : { reason: issue.reason }),
      path: issue.path,
      message: issue.message,
      ...(issue.suggestion === undefined ? {} : { suggestion: issue.suggestion }),
    })),
  }));
  return `${JSON.stringify({ files, summary: { ...totalsOf(results), exitCode } }, null, 2)}\n`;
};
