import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { LineColumn } from './lineColumn';
import type { TextProblem } from './textProblem';

export type ParsedText =
  | { readonly ok: true; readonly value: unknown; readonly tree: Node | undefined }
  | { readonly ok: false; readonly problems: readonly TextProblem[] };

// jsonc-parser's error names (its const enum cannot be read under isolatedModules) to our reasons.
const REASONS: Readonly<Record<string, { code: 'json-syntax' | 'json-comment'; reason?: string }>> = {
  InvalidSymbol: { code: 'json-syntax', reason: 'symbol' },
  InvalidNumberFormat: { code: 'json-syntax', reason: 'number' },
  UnexpectedEndOfNumber: { code: 'json-syntax', reason: 'number' },
  PropertyNameExpected: { code: 'json-syntax', reason: 'property-name' },
  ValueExpected: { code: 'json-syntax', reason: 'value' },
  ColonExpected: { code: 'json-syntax', reason: 'colon' },
  CommaExpected: { code: 'json-syntax', reason: 'comma' },
  CloseBraceExpected: { code: 'json-syntax', reason: 'close-brace' },
  CloseBracketExpected: { code: 'json-syntax', reason: 'close-bracket' },
  EndOfFileExpected: { code: 'json-syntax', reason: 'end' },
  UnexpectedEndOfString: { code: 'json-syntax', reason: 'string' },
  InvalidUnicode: { code: 'json-syntax', reason: 'unicode' },
  InvalidEscapeCharacter: { code: 'json-syntax', reason: 'escape' },
  InvalidCharacter: { code: 'json-syntax', reason: 'control' },
  InvalidCommentToken: { code: 'json-comment' },
  UnexpectedEndOfComment: { code: 'json-comment', reason: 'unclosed' },
};

const isJsonSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** The offset of the last character before `offset` that is not white space, or -1. */
const previousToken = (text: string, offset: number): number => {
  let at = offset - 1;
  while (at >= 0 && isJsonSpace(text.charCodeAt(at))) at--;
  return at;
};

/**
 * One jsonc-parser error as our problem. Two mistakes its names describe badly are recognised: a
 * trailing comma ("value expected" at the `]`), reported at the comma, and a leading zero ("','
 * expected" after the `0` of `012`), reported at the number.
 */
const problemOf = (text: string, error: ParseError): TextProblem => {
  const mapped = REASONS[printParseErrorCode(error.error)] ?? { code: 'json-syntax', reason: 'other' };
  const at = text.charCodeAt(error.offset);
  if ((mapped.reason === 'value' || mapped.reason === 'property-name') && (at === 0x7d || at === 0x5d)) {
    const comma = previousToken(text, error.offset);
    if (text.charCodeAt(comma) === 0x2c) return { code: 'json-syntax', reason: 'trailing-comma', severity: 'error', offset: comma, path: '', params: {} };
  }
  if (mapped.reason === 'comma' && isDigit(at) && text.charCodeAt(error.offset - 1) === 0x30 && !/[\d.eE+]/.test(text.charAt(error.offset - 2))) {
    return { code: 'json-syntax', reason: 'number', severity: 'error', offset: error.offset - 1, path: '', params: {} };
  }
  return { code: mapped.code, ...(mapped.reason === undefined ? {} : { reason: mapped.reason }), severity: 'error', offset: error.offset, path: '', params: {} };
};

/**
 * Parses a definition file as strict JSON: jsonc-parser gives the tree (offsets of every value) and
 * every syntax error with its offset, comments and trailing commas being errors; the value itself
 * comes from JSON.parse, so that it is exactly what any JSON reader makes of the file (an own
 * `__proto__` key stays a key, for compileForm to refuse). After one error on a line, the rest of
 * that line is not reported: jsonc-parser's recovery repeats the same mistake in other words there.
 */
export const parseDefinitionText = (text: string, position: (offset: number) => LineColumn): ParsedText => {
  if (/^[ \t\r\n]*$/.test(text)) return { ok: false, problems: [{ code: 'json-syntax', reason: 'empty', severity: 'error', offset: 0, path: '', params: {} }] };
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // jsonc-parser recurses per level and overflows the stack on absurd nesting; JSON.parse does not,
    // and compileForm refuses such depth itself: positions are then lost, not the check.
    tree = undefined;
    errors.length = 0;
  }
  if (errors.length > 0) {
    const problems: TextProblem[] = [];
    const lines = new Set<number>();
    for (const error of errors) {
      const problem = problemOf(text, error);
      const { line } = position(problem.offset);
      if (lines.has(line)) continue;
      lines.add(line);
      problems.push(problem);
    }
    return { ok: false, problems };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, tree };
  } catch (error) {
    // Only where the two parsers disagree. JSON.parse's message quotes the text, so only its offset is kept.
    const offset = error instanceof Error ? Number(/position (\d+)/.exec(error.message)?.[1] ?? 0) : 0;
    return { ok: false, problems: [{ code: 'json-syntax', reason: 'other', severity: 'error', offset, path: '', params: {} }] };
  }
};
