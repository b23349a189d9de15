// What makes RFC 4180 quote a cell.
const QUOTE_NEEDED = /[",\r\n]/;

/**
 * One CSV cell: formula injection escaped (OWASP: a leading = + - @ tab or CR gets a ' in front, so
 * a spreadsheet shows the text instead of running it), then RFC 4180 quoting when the text holds a
 * quote, a comma, CR or LF (quotes doubled).
 */
export const csvCell = (text: string): string => {
  const first = text.charCodeAt(0);
  // = + - @ tab CR, by code: this runs for every cell of a million-row export.
  const safe = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13 ? `'${text}` : text;
  return safe.length > 0 && QUOTE_NEEDED.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One CSV line, CRLF-terminated as RFC 4180 has it. */
export const csvLine = (texts: readonly string[]): string => `${texts.map(csvCell).join(',')}\r\n`;

/** The byte order mark that makes Excel read UTF-8 (and so Chinese) correctly. */
export const BOM = '\uFEFF';
