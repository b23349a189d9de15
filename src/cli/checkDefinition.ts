import type { Node } from 'jsonc-parser';
import type { BuiltInLocale } from '../core/localize';
import { FormDefinitionError, type DefinitionIssue, type DefinitionWarning } from '../core/issues';
// The public compileForm (src/index.ts re-exports it): what an app compiles is what is checked.
import type { DefinitionResolver } from '../compile/loadBase';
import { compileForm } from '../form/compileForm';
import { checkMessage, textProblemKey } from './checkMessages';
import { decodeDefinition } from './decodeDefinition';
import { duplicateKeys } from './duplicateKeys';
import { locatePath } from './jsonPositions';
import { lineColumnOf, type LineColumn } from './lineColumn';
import { parseDefinitionText } from './parseDefinitionText';
import type { TextProblem } from './textProblem';

/** One problem of a definition file, placed in its text. */
export interface CheckedIssue {
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly code: string;
  /** Which message of the code (`schema` issues: `additional`, `required`, …), when it has several. */
  readonly reason?: string;
  /** The definition path, as compileForm gives it ('' for the whole definition or the JSON text). */
  readonly path: string;
  readonly message: string;
  /** What "did you mean" names, when formloom has a guess. */
  readonly suggestion?: string;
}

/**
 * Where an issue is shown: the key itself when the key is the mistake (an unknown or reserved
 * property name), else the value at the path, else (a required property that is absent) the
 * nearest enclosing value that is in the text.
 */
const offsetOf = (tree: Node | undefined, issue: DefinitionIssue<string>): number => {
  if (tree === undefined) return 0;
  const target = locatePath(tree, issue.path);
  const namesKey = issue.reason === 'additional' || (issue.code === 'reserved-id' && target.key?.value === issue.params.name);
  return target.exact && namesKey && target.key !== undefined ? target.key.offset : target.node.offset;
};

const fromTextProblem = (problem: TextProblem, position: (offset: number) => LineColumn, locale: BuiltInLocale): CheckedIssue & { offset: number } => ({
  ...position(problem.offset),
  offset: problem.offset,
  severity: problem.severity,
  code: problem.code,
  ...(problem.reason === undefined ? {} : { reason: problem.reason }),
  path: problem.path,
  message: checkMessage(textProblemKey(problem.code, problem.reason), locale, problem.params),
});

const fromDefinitionIssue = (
  issue: DefinitionIssue<string>,
  severity: 'error' | 'warning',
  tree: Node | undefined,
  position: (offset: number) => LineColumn,
): CheckedIssue & { offset: number } => {
  const offset = offsetOf(tree, issue);
  const suggestion = issue.params.suggestion;
  return {
    ...position(offset),
    offset,
    severity,
    code: issue.code,
    ...(issue.reason === undefined ? {} : { reason: issue.reason }),
    path: issue.path,
    message: issue.message,
    ...(typeof suggestion === 'string' ? { suggestion } : {}),
  };
};

/**
 * Checks one definition file: decodes it, parses it as strict JSON, compiles it with compileForm in
 * `locale` and places every issue and warning in the text, in the order of the text.
 */
export const checkDefinition = (bytes: Uint8Array, locale: BuiltInLocale, resolve?: DefinitionResolver): CheckedIssue[] => {
  const { text, problem } = decodeDefinition(bytes);
  const position = lineColumnOf(text);
  if (problem !== undefined) return [strip(fromTextProblem(problem, position, locale))];
  const parsed = parseDefinitionText(text, position);
  if (!parsed.ok) return parsed.problems.map((each) => strip(fromTextProblem(each, position, locale)));
  const found: (CheckedIssue & { offset: number })[] = [];
  if (parsed.tree !== undefined) {
    for (const duplicate of duplicateKeys(parsed.tree, position)) found.push(fromTextProblem(duplicate, position, locale));
  }
  let warnings: readonly DefinitionWarning[] = [];
  try {
    warnings = compileForm(parsed.value, { locale, ...(resolve === undefined ? {} : { resolve }) }).warnings;
  } catch (error) {
    if (!(error instanceof FormDefinitionError)) throw error;
    for (const issue of error.issues) found.push(fromDefinitionIssue(issue, 'error', parsed.tree, position));
  }
  for (const warning of warnings) found.push(fromDefinitionIssue(warning, 'warning', parsed.tree, position));
  // Array.prototype.sort is stable: issues at one place keep compileForm's order.
  return found.sort((a, b) => a.offset - b.offset).map(strip);
};

const strip = ({ offset: _offset, ...issue }: CheckedIssue & { offset: number }): CheckedIssue => issue;
