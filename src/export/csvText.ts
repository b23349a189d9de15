/** What a spreadsheet would run as a formula: cells starting with these are prefixed with ' (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: formula injection escaped (a leading = + - @ tab or CR gets a ' in front, so Excel
 * shows the text instead of running it), then RFC 4180 quoting when the text holds a quote, a comma,
 * CR or LF (quotes doubled).
 */
export const csvCell = (text: string): string => {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One CSV line, CRLF-terminated as RFC 4180 has it. */
export const csvLine = (texts: readonly string[]): string => `${texts.map(csvCell).join(',')}\r\n`;

/** The byte order mark that makes Excel read UTF-8 (and so Chinese) correctly. */
export const BOM = '\uFEFF';
