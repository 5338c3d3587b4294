import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

/** Characters that make a spreadsheet read a cell as a formula (or hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null | undefined;

/** Rows of an export, header first, from memory or read from the database as they are written. */
export type CsvRows = Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>;

/**
 * Guards one cell against formula injection: a value typed by a visitor such
 * as `=HYPERLINK(…)` would otherwise run when an admin opens the export in a
 * spreadsheet. A leading single quote makes it plain text.
 */
export function safeCell(value: CsvCell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

async function* guarded(rows: CsvRows): AsyncGenerator<string[]> {
  for await (const row of rows) yield row.map(safeCell);
}

/**
 * CSV (RFC 4180, CRLF line ends) of rows whose first row is the header, as a
 * stream that reads the rows only as fast as the client takes them, so an
 * export of thousands of rows never sits in memory as one string. It starts
 * with a byte-order mark, without which spreadsheets read UTF-8 as Latin-1
 * and garble names such as "Añasco", and every cell is guarded against
 * formula injection. Use it for every export.
 */
export function csvStream(rows: CsvRows): Readable {
  const csv = stringify({ record_delimiter: 'windows', bom: true });
  const source = Readable.from(guarded(rows));
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}
