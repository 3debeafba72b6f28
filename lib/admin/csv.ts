import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * CSV for the bulk import and the exports, on csv-parse / csv-stringify (RFC 4180). What is
 * ours: the import's error report (which record, which kind of fault), formula defusing and
 * the byte order mark. Pure: no I/O, so the import page counts rows in the browser with it.
 *
 * Reading accepts CRLF, LF or CR record ends (mixed too), a leading UTF-8 byte order mark,
 * quoted fields with commas, doubled quotes and line breaks. Writing quotes every cell, ends
 * records with CRLF, and defuses spreadsheet formulas (CSV injection).
 */

export type CsvParseResult =
  | { ok: true; records: string[][] }
  /** `record` is 1-based (the first record, usually the header, is 1). */
  | { ok: false; error: "unterminated-quote" | "stray-quote"; record: number };

export const CSV_BOM = "\uFEFF";

const READ_OPTIONS = { bom: true, relax_column_count: true, record_delimiter: ["\r\n", "\n", "\r"] };
const FAULTS: Record<string, "unterminated-quote" | "stray-quote"> = {
  CSV_QUOTE_NOT_CLOSED: "unterminated-quote",
  INVALID_OPENING_QUOTE: "stray-quote",
  CSV_INVALID_CLOSING_QUOTE: "stray-quote",
};

/**
 * Splits CSV text into records of fields. A final line break does not start another record;
 * a blank line is a record of one empty field, so row numbers match the spreadsheet. A quote
 * inside an unquoted field, or text after a closing quote, is an error rather than a guess,
 * so a malformed file is refused instead of being imported wrongly.
 */
export function parseCsv(input: string): CsvParseResult {
  try {
    return { ok: true, records: parse(input, READ_OPTIONS) as string[][] };
  } catch (error) {
    const fault = error instanceof CsvError ? FAULTS[error.code] : undefined;
    if (!fault) throw error;
    // The error's context counts the records read before the faulty one.
    return { ok: false, error: fault, record: Number((error as CsvError).records) + 1 };
  }
}

type CellValue = string | number | boolean | null | undefined;

/** Cells that a spreadsheet would run as a formula start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The text of one cell, as OWASP's CSV injection guidance asks: text that a spreadsheet would
 * evaluate (starting with = + - @, tab or CR) is prefixed with a single quote, so
 * `=HYPERLINK(...)` stays text. Quoting every cell (csvRow) then keeps a separator inside a
 * value (a user agent "Mozilla;=cmd|..." opened where ";" separates cells) from starting a
 * new cell with a formula.
 */
function defused(value: CellValue): string {
  const text = value === null || value === undefined ? "" : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const WRITE_OPTIONS = { quoted: true, quoted_empty: true, record_delimiter: "\r\n" };

/** One CSV cell: defused, quoted, quotes doubled. */
export function csvCell(value: CellValue): string {
  return csvRow([value]).slice(0, -2);
}

/** One CSV record, every cell quoted, CRLF-terminated (RFC 4180). */
export function csvRow(values: readonly CellValue[]): string {
  return csvRows([values]);
}

/** Many records at once: one call into the library per batch is three times faster than per row. */
export function csvRows(rows: readonly (readonly CellValue[])[]): string {
  return stringify(
    rows.map((values) => values.map(defused)),
    WRITE_OPTIONS,
  );
}
