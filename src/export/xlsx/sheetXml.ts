import { FormUsageError } from '../../core/issues';
import { ExcelDates } from './excelDate';
import { STYLE } from './xlsxParts';
import type { XlsxCell } from './xlsxTypes';
import { cellTextXml } from './xmlText';

/** Excel's sheet bounds: columns A..XFD, rows 1..1,048,576. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

/** A column as the sheet writes it: its width in characters and how its dates are shown. */
export interface SheetColumn {
  readonly header: string;
  readonly width: number;
  readonly dateOnly: boolean;
}

/** The letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA, 16383 → XFD (bijective base 26). */
export const columnName = (index: number): string => {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
};

/** How many characters wide `text` shows: CJK, full-width forms and emoji take two. */
export const displayWidth = (text: string): number => {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide = (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
      || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
      || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
};

/** The width a column gets without one given: its header and a margin, between 8 and 60 characters. */
export const defaultWidth = (header: string): number => Math.min(60, Math.max(8, displayWidth(header) + 2));

// A text with nothing left once cleaned is no cell at all: an empty inline string is a cell readers
// disagree on (exceljs takes it for part of a merge).
const textCell = (ref: string, text: string, style: string): string => {
  const xml = cellTextXml(text);
  return xml === '' ? '' : `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xml}</t></is></c>`;
};

/**
 * The rows' writer, one per sheet. Column letters are kept per index rather than worked out again
 * for each of a few million cells; date offsets are kept per day (ExcelDates).
 */
export class SheetRows {
  private readonly names: string[] = [];
  private readonly dates: ExcelDates;
  private next = 1;

  constructor(private readonly columns: readonly SheetColumn[], timeZone: string | undefined) {
    this.dates = new ExcelDates(timeZone);
  }

  private name(index: number): string {
    let name = this.names[index];
    if (name === undefined) {
      name = columnName(index);
      this.names[index] = name;
    }
    return name;
  }

  /** The worksheet up to its first data row: view with the header frozen, widths, the header row. */
  start(): string {
    const cols = this.columns.map((column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"/>`).join('');
    const view = this.columns.length === 0 ? '<sheetView workbookViewId="0"/>'
      : '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      + `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols === '' ? '' : `<cols>${cols}</cols>`}<sheetData>`
      + this.header();
  }

  private header(): string {
    this.next = 2;
    if (this.columns.length === 0) return '';
    return `<row r="1">${this.columns.map((column, index) => textCell(`${this.name(index)}1`, column.header, ` s="${STYLE.header}"`)).join('')}</row>`;
  }

  /**
   * One data row's XML ('' when every cell is empty). Throws FormUsageError for a row that is not an
   * array, a cell of another type, or a sheet past Excel's bounds: a file Excel would cut or refuse
   * must not be reported as written.
   */
  row(cells: readonly XlsxCell[]): string {
    const number = this.next;
    if (!Array.isArray(cells)) throw new FormUsageError('bad-argument', `row ${number - 1} is not an array of cells`);
    if (number > MAX_ROWS) throw new FormUsageError('bad-argument', `an Excel sheet holds at most ${MAX_ROWS - 1} rows below its header`);
    if (cells.length > MAX_COLUMNS) throw new FormUsageError('bad-argument', `row ${number - 1} has ${cells.length} cells; an Excel sheet holds at most ${MAX_COLUMNS} columns`);
    this.next = number + 1;
    let xml = '';
    for (let index = 0; index < cells.length; index++) {
      const value: unknown = cells[index];
      if (value === null || value === undefined) continue;
      const ref = `${this.name(index)}${number}`;
      if (typeof value === 'string') xml += textCell(ref, value, '');
      else if (typeof value === 'number') {
        // NaN and ±Infinity have no spelling in a cell: left empty rather than an error value.
        if (Number.isFinite(value)) xml += `<c r="${ref}"><v>${value}</v></c>`;
      } else if (typeof value === 'boolean') xml += `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
      else if (value instanceof Date) {
        const dateOnly = this.columns[index]?.dateOnly ?? false;
        const serial = this.dates.value(value, dateOnly);
        if (typeof serial === 'number') xml += `<c r="${ref}" s="${dateOnly ? STYLE.date : STYLE.datetime}"><v>${serial}</v></c>`;
        else if (serial !== undefined) xml += textCell(ref, serial, '');
      } else {
        throw new FormUsageError('bad-argument', `row ${number - 1}, column ${this.name(index)}: a cell is a string, number, boolean, Date, null or undefined, not ${typeof value}`);
      }
    }
    return xml === '' ? '' : `<row r="${number}">${xml}</row>`;
  }

  /** The worksheet after its last row. */
  end(): string {
    return '</sheetData></worksheet>';
  }
}
