/**
 * A small RFC 4180 CSV reader and writer. Pure: no I/O, usable on the server and in the browser.
 *
 * Reading accepts CRLF, LF or CR record ends, a leading UTF-8 byte order mark, quoted fields
 * with commas, doubled quotes and line breaks. Writing quotes every cell, ends records with
 * CRLF, and defuses spreadsheet formulas (CSV injection).
 */

export type CsvParseResult =
  | { ok: true; records: string[][] }
  /** `record` is 1-based (the first record, usually the header, is 1). */
  | { ok: false; error: "unterminated-quote" | "stray-quote"; record: number };

const BOM = "\uFEFF";

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Splits CSV text into records of fields. A final line break does not start another record.
 * A quote inside an unquoted field, or text after a closing quote, is an error rather than a
 * guess, so a malformed file is refused instead of being imported wrongly.
 */
export function parseCsv(input: string): CsvParseResult {
  const text = stripBom(input);
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  // At the start of a field (nothing read yet): a quote opens a quoted field.
  let fieldStart = true;

  const endField = () => {
    record.push(field);
    field = "";
    fieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  while (i < n) {
    const char = text[i]!;
    if (fieldStart && char === '"') {
      // Quoted field: read to the closing quote; "" is one quote.
      i++;
      let closed = false;
      while (i < n) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        // Copy runs of ordinary characters at once (large files).
        const next = text.indexOf('"', i);
        const end = next === -1 ? n : next;
        field += text.slice(i, end);
        i = end;
      }
      if (!closed) return { ok: false, error: "unterminated-quote", record: records.length + 1 };
      fieldStart = false;
      // Only a separator, a record end or the end of input may follow a closing quote.
      const after = text[i];
      if (after !== undefined && after !== "," && after !== "\r" && after !== "\n") {
        return { ok: false, error: "stray-quote", record: records.length + 1 };
      }
      continue;
    }
    if (char === ",") {
      endField();
      i++;
      continue;
    }
    if (char === "\r" || char === "\n") {
      endRecord();
      i += char === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    if (char === '"') return { ok: false, error: "stray-quote", record: records.length + 1 };
    // Unquoted run up to the next special character.
    let end = i;
    while (end < n) {
      const c = text[end]!;
      if (c === "," || c === "\r" || c === "\n" || c === '"') break;
      end++;
    }
    field += text.slice(i, end);
    fieldStart = false;
    i = end;
  }
  // The last record, unless the text ended with a line break (or was empty).
  if (!fieldStart || record.length > 0) endRecord();
  return { ok: true, records };
}

/** Cells that a spreadsheet would run as a formula start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, as OWASP's CSV injection guidance asks: text that a spreadsheet would evaluate
 * (starting with = + - @, tab or CR) is prefixed with a single quote, so `=HYPERLINK(...)` stays
 * text; and every cell is quoted, quotes doubled, so a separator inside a value (a user agent
 * "Mozilla;=cmd|..." opened where ";" separates cells) cannot start a new cell with a formula.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const defused = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${defused.replaceAll('"', '""')}"`;
}

/** One CSV record, CRLF-terminated (RFC 4180). */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A whole CSV document, with a UTF-8 BOM so spreadsheet programs read Japanese text right. */
export function writeCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return BOM + rows.map(csvRow).join("");
}

export const CSV_BOM = BOM;
