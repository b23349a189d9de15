/**
 * The workbook's fixed parts: everything but the sheet's rows. Small and known before the first row,
 * so they are written whole and the sheet can then stream.
 */
import { escapeXml, truncate, withoutForbidden } from './xmlText';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Indexes into `cellXfs` of styles.xml, as cells refer to them with `s="…"`. */
export const STYLE = { normal: 0, header: 1, date: 2, datetime: 3 } as const;

/** The path of the one worksheet inside the package. */
export const SHEET_PATH = 'xl/worksheets/sheet1.xml';

/**
 * A name Excel accepts for a sheet: none of `[]:*?/\`, no apostrophe at either end (Excel reserves
 * it for quoting in formulas), at most 31 characters, not the reserved 'History'; 'Sheet1' when
 * nothing is left.
 */
export const sheetNameOf = (name: string | undefined): string => {
  const strip = (text: string): string => text.replace(/^[\s']+|[\s']+$/g, '');
  const cleaned = strip(truncate(strip(withoutForbidden(name ?? '').replace(/[[\]:*?/\\]/g, '')), 31));
  if (cleaned === '') return 'Sheet1';
  return cleaned.toLowerCase() === 'history' ? `${cleaned}1` : cleaned;
};

// Functions, not constants: a bundle that never writes a workbook must be able to drop them.
const contentTypes = (): string => HEAD
  + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  + `<Override PartName="/${SHEET_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
  + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
  + '</Types>';

const packageRels = (): string => HEAD
  + `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">`
  + `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>`
  + '</Relationships>';

const workbookRels = (): string => HEAD
  + `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">`
  + `<Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>`
  + `<Relationship Id="rId2" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>`
  + '</Relationships>';

// Two fonts (regular, bold), the two fills the format requires, one border, and four cell formats in
// the order of STYLE. 164 and 165 are the first ids free for custom number formats.
const styles = (): string => HEAD
  + `<styleSheet xmlns="${MAIN}">`
  + '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '</styleSheet>';

const workbook = (sheetName: string): string => HEAD
  + `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">`
  + '<bookViews><workbookView/></bookViews>'
  + `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets>`
  + '</workbook>';

/** Every part but the worksheet, as [path, XML], in the order they are written. */
export const fixedParts = (sheetName: string): ReadonlyArray<readonly [string, string]> => [
  ['[Content_Types].xml', contentTypes()],
  ['_rels/.rels', packageRels()],
  ['xl/workbook.xml', workbook(sheetName)],
  ['xl/_rels/workbook.xml.rels', workbookRels()],
  ['xl/styles.xml', styles()],
];
