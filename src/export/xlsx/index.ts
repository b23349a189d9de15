/** The XLSX export: a streaming writer of one-sheet workbooks. */
export type { XlsxCell, XlsxColumn, XlsxOptions } from './xlsxTypes';
export { xlsxChunks } from './writeXlsx';
