import { stringify } from 'csv-stringify/sync';

/** Characters that make a spreadsheet read a cell as a formula (or hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Guards one cell against formula injection: a value typed by a visitor such
 * as `=HYPERLINK(…)` would otherwise run when an admin opens the export in a
 * spreadsheet. A leading single quote makes it plain text.
 */
export function safeCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * CSV text (RFC 4180, CRLF line ends) of rows whose first row is the header,
 * with every cell guarded against formula injection. Use it for every export.
 */
export function safeCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return stringify(rows.map((row) => row.map(safeCell)), { record_delimiter: 'windows' });
}
