/** A cell: text, a number, a boolean, a date (written as an Excel date serial with a date format), or empty. */
export type XlsxCell = string | number | boolean | Date | null | undefined;

/** One column of the sheet: its header (the first row) and how it is shown. */
export interface XlsxColumn {
  readonly header: string;
  /** characters; default derived from the header, clamped 8..60 */
  readonly width?: number;
  /** 'date' or 'datetime' formats dates; default 'datetime' */
  readonly date?: 'date' | 'datetime';
}

/** The workbook's one sheet: its name, columns and the zone its dates are shown in. */
export interface XlsxOptions {
  readonly sheetName?: string;
  readonly columns: readonly XlsxColumn[];
  /** the zone dates are shown in (IANA); default the runtime's */
  readonly timeZone?: string;
}
