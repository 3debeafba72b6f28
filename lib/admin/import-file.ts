import { parseCsv } from "./csv";

/** What one upload may hold. */
export const IMPORT_LIMITS = Object.freeze({ maxRows: 10_000, maxBytes: 5 * 1024 * 1024 });

/** Columns of the import file (header names, any order, case-insensitive). */
export const IMPORT_COLUMNS = ["email", "name", "phone", "company", "role", "locale"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly ImportColumn[] = ["email", "name", "phone"];

/** Most row problems returned to the page; the total is always counted. */
export const MAX_REPORTED_ISSUES = 500;

/**
 * One problem in one row. `row` is the spreadsheet row number (the header is row 1);
 * `field` is a column name, or "row" for the record as a whole; `code` is a catalogue key.
 */
export type ImportIssue = {
  row: number;
  field: ImportColumn | "row";
  code: ImportIssueCode;
  params?: Record<string, number>;
};
export type ImportIssueCode =
  | "required"
  | "tooLong"
  | "emailInvalid"
  | "emailTaken"
  | "phoneNoHyphens"
  | "phoneDigits"
  | "roleInvalid"
  | "localeInvalid"
  | "duplicateInFile"
  | "fieldCount"
  | "invalid";

export type ImportFileError =
  | "empty"
  | "tooLarge"
  | "encoding"
  | "malformed"
  | "noHeader"
  | "missingColumns"
  | "unknownColumns"
  | "tooManyRows"
  | "noRows";

export type ImportResult =
  | { ok: true; imported: number }
  | { ok: false; error: ImportFileError; params?: Record<string, string | number> }
  | { ok: false; error: "rows"; rows: number; invalidRows: number; totalIssues: number; issues: ImportIssue[] }
  /** The file creates operators and the caller may not (no recent sign-in): nothing imported. */
  | { ok: false; error: "reauthenticate" };

type ParsedRow = {
  row: number;
  values: Partial<Record<ImportColumn, string>>;
  /** Fields in the record, when it does not match the header. */
  fieldCount?: number;
};
export type ImportFile = { columns: ImportColumn[]; rows: ParsedRow[] };

/** Decodes and splits the upload into rows keyed by column. Nothing is validated yet. */
export function readImportFile(
  bytes: Uint8Array,
): ({ ok: true } & ImportFile) | Extract<ImportResult, { error: ImportFileError }> {
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes)
    return { ok: false, error: "tooLarge", params: { megabytes: IMPORT_LIMITS.maxBytes / 1024 / 1024 } };
  let text: string;
  try {
    // Strict UTF-8 (with or without BOM): a Shift_JIS export is refused, not imported as mojibake.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: "encoding" };
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, error: "malformed", params: { row: parsed.record } };
  const isBlank = (record: string[]) => record.every((field) => field.trim() === "");
  const [header, ...records] = parsed.records;
  if (!header || isBlank(header)) return { ok: false, error: "noHeader" };

  const names = header.map((name) => name.trim().toLowerCase());
  const unknown = names.filter(
    (name, i) => !(IMPORT_COLUMNS as readonly string[]).includes(name) || names.indexOf(name) !== i,
  );
  if (unknown.length > 0)
    return {
      ok: false,
      error: "unknownColumns",
      params: { columns: [...new Set(unknown)].map((c) => c || '""').join(", ") },
    };
  const columns = names as ImportColumn[];
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) return { ok: false, error: "missingColumns", params: { columns: missing.join(", ") } };

  const rows: ParsedRow[] = [];
  records.forEach((record, index) => {
    if (isBlank(record)) return;
    const values: Partial<Record<ImportColumn, string>> = {};
    columns.forEach((column, i) => {
      values[column] = record[i];
    });
    // Spreadsheet row number: the header is row 1, blank rows keep their numbers.
    rows.push({ row: index + 2, values, ...(record.length === columns.length ? {} : { fieldCount: record.length }) });
  });
  if (rows.length === 0) return { ok: false, error: "noRows" };
  if (rows.length > IMPORT_LIMITS.maxRows)
    return { ok: false, error: "tooManyRows", params: { max: IMPORT_LIMITS.maxRows, rows: rows.length } };
  return { ok: true, columns, rows };
}
