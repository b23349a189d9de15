import type { TextProblem } from './textProblem';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * The file's bytes as text. JSON files are UTF-8 (RFC 8259), and a definition saved as GBK or UTF-16
 * by an older editor would otherwise compile with its Chinese labels turned into U+FFFD: that is
 * reported, at the first character that did not decode. A UTF-8 byte order mark is dropped, as
 * editors do not count it as a column.
 */
export const decodeDefinition = (bytes: Uint8Array): { readonly text: string; readonly problem?: TextProblem } => {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    // The lenient text is kept only to turn the problem's offset into a line and column.
    const text = lenient.decode(bytes);
    return { text, problem: { code: 'json-encoding', severity: 'error', offset: Math.max(0, text.indexOf('\uFFFD')), path: '', params: {} } };
  }
};
