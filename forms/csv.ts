/**
 * The one CSV writer: every file we offer for Excel (the staff list, the kommun's overview) is
 * written here, semicolon-separated (Excel's default with a Swedish locale), CRLF line ends as
 * RFC 4180 has them, with a BOM so Excel reads UTF-8 (å, ä, ö). A cell that a spreadsheet would
 * run as a formula (starting with = + - @, TAB or CR) is made inert with a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text as a spreadsheet may safely read it. */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function writeCsv(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => row.map(inertCell)),
    // Quoted where needed: a separator, a quote or any line break inside a cell.
    { delimiter: ';', record_delimiter: '\r\n', bom: true, quoted_match: /[\r\n]/ },
  );
}
