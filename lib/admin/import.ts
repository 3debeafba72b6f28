import { randomUUID } from "node:crypto";
import { getDb, transaction, type Executor } from "@/db/client";
import { findRegisteredEmails, insertTokensBulk, insertUsersBulk, type ImportedUser } from "@/db/queries/import";
import { DuplicateEmailError } from "@/db/queries/users";
import { recordAuditMany, type AuditRecord } from "@/lib/audit";
import { parseCsv } from "./csv";
import { registrationSchema } from "@/lib/identity";
import { queueEmails, scheduleMailDispatch, type QueueEmailInput } from "@/lib/mail";
import { startingGuideLink } from "@/lib/onboarding";
import type { RequestContext } from "@/lib/http/request-context";

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
type ImportFile = { columns: ImportColumn[]; rows: ParsedRow[] };

const knownIssues = new Set<string>(["required", "tooLong", "emailInvalid", "phoneNoHyphens", "phoneDigits"]);

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

type ValidRow = { row: number; user: Omit<ImportedUser, "id"> };

/**
 * Checks every row: the registration rules (registrationSchema), duplicates within the file
 * and addresses that are already registered (one query for the whole file).
 */
export async function validateImportRows(file: ImportFile): Promise<{ valid: ValidRow[]; issues: ImportIssue[] }> {
  const issues: ImportIssue[] = [];
  const valid: ValidRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, values, fieldCount } of file.rows) {
    if (fieldCount !== undefined) {
      issues.push({
        row,
        field: "row",
        code: "fieldCount",
        params: { expected: file.columns.length, found: fieldCount },
      });
      continue;
    }
    const rowIssues: ImportIssue[] = [];
    const roleText = (values.role ?? "").trim().toLowerCase() || "customer";
    const role = roleText === "operator" ? "operator" : "customer";
    if (roleText !== role) rowIssues.push({ row, field: "role", code: "roleInvalid" });
    const locale = (values.locale ?? "").trim().toLowerCase() || "en";
    if (locale !== "en" && locale !== "ja") rowIssues.push({ row, field: "locale", code: "localeInvalid" });
    const company = values.company?.trim() ? values.company : undefined;
    const parsed = registrationSchema.safeParse({
      email: values.email ?? "",
      name: values.name ?? "",
      phone: values.phone ?? "",
      company,
    });
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "row") as ImportColumn;
        if (seen.has(field)) continue;
        seen.add(field);
        rowIssues.push({
          row,
          field,
          code: knownIssues.has(issue.message) ? (issue.message as ImportIssueCode) : "invalid",
        });
      }
    } else {
      const key = parsed.data.email.toLowerCase();
      const first = firstRowOf.get(key);
      if (first !== undefined) rowIssues.push({ row, field: "email", code: "duplicateInFile", params: { first } });
      else firstRowOf.set(key, row);
    }
    if (!parsed.success || rowIssues.length > 0) {
      issues.push(
        ...rowIssues.sort(
          (a, b) => IMPORT_COLUMNS.indexOf(a.field as ImportColumn) - IMPORT_COLUMNS.indexOf(b.field as ImportColumn),
        ),
      );
      continue;
    }
    const { email, name, phone } = parsed.data;
    valid.push({ row, user: { email, name, phone, company: parsed.data.company ?? null, role, locale } });
  }

  const registered = await findRegisteredEmails(
    await getDb(),
    valid.map((entry) => entry.user.email),
  );
  const fresh: ValidRow[] = [];
  for (const entry of valid) {
    if (registered.has(entry.user.email.toLowerCase()))
      issues.push({ row: entry.row, field: "email", code: "emailTaken" });
    else fresh.push(entry);
  }
  // Stable: a row's own problems keep their column order.
  issues.sort((a, b) => a.row - b.row);
  return { valid: fresh, issues };
}

/**
 * Bulk registration from a CSV upload (columns email, name, phone, company, role; optional
 * locale; UTF-8 with or without BOM). Every row is checked first; if any is wrong nothing is
 * imported and the report names each problem by row and column. Otherwise all users are
 * registered in one transaction with the same rows `registerUser` writes — the invited user,
 * a starting-guide token (only its hash is stored), the sealed starting-guide email and the
 * audit events — using a few multi-row inserts per table; the emails go out after the commit.
 * A file that would create operators is refused unless `operatorsAllowed` (the operator's
 * recent sign-in); customers-only files do not need it.
 */
export async function importUsers(
  bytes: Uint8Array,
  actorId: string | null,
  context: RequestContext,
  { operatorsAllowed = true }: { operatorsAllowed?: boolean } = {},
): Promise<ImportResult> {
  const file = readImportFile(bytes);
  if (!file.ok) {
    await recordAuditMany(
      [{ event: "users.imported", actorId, outcome: "failure", details: { error: file.error } }],
      context,
    );
    return file;
  }
  for (let attempt = 0; ; attempt++) {
    const { valid, issues } = await validateImportRows(file);
    if (issues.length > 0) {
      const invalidRows = new Set(issues.map((issue) => issue.row)).size;
      await recordAuditMany(
        [
          {
            event: "users.imported",
            actorId,
            outcome: "failure",
            details: { rows: file.rows.length, invalidRows, issues: issues.length },
          },
        ],
        context,
      );
      return {
        ok: false,
        error: "rows",
        rows: file.rows.length,
        invalidRows,
        totalIssues: issues.length,
        issues: issues.slice(0, MAX_REPORTED_ISSUES),
      };
    }
    if (!operatorsAllowed && valid.some(({ user }) => user.role === "operator"))
      return { ok: false, error: "reauthenticate" };
    try {
      await transaction((tx) => insertImport(tx, valid, actorId, context));
      break;
    } catch (error) {
      // Someone registered one of these addresses since the check: check again, and report it.
      if (error instanceof DuplicateEmailError && attempt === 0) continue;
      throw error;
    }
  }
  await scheduleMailDispatch();
  return { ok: true, imported: file.rows.length };
}

async function insertImport(
  tx: Executor,
  valid: readonly ValidRow[],
  actorId: string | null,
  context: RequestContext,
): Promise<void> {
  const users: ImportedUser[] = [];
  const tokens: { userId: string; tokenHash: string; purpose: "activation"; expiresAt: Date }[] = [];
  const emails: QueueEmailInput[] = [];
  const audit: AuditRecord[] = [];
  for (const { user } of valid) {
    const id = randomUUID();
    const { link, tokenHash, expiresAt } = startingGuideLink(context.now);
    users.push({ id, ...user });
    tokens.push({ userId: id, tokenHash, purpose: "activation", expiresAt });
    emails.push({
      to: user.email,
      template: "starting-guide",
      locale: user.locale,
      props: { name: user.name, link, expiresAt: expiresAt.toISOString() },
    });
    audit.push(
      {
        event: "user.registered",
        actorId,
        subjectId: id,
        outcome: "success",
        details: { role: user.role, via: "import" },
      },
      { event: "onboarding.guide_issued", actorId, subjectId: id, details: { purpose: "activation" } },
    );
  }
  audit.push({ event: "users.imported", actorId, outcome: "success", details: { rows: valid.length } });
  await insertUsersBulk(tx, users, context.now);
  await insertTokensBulk(tx, tokens, context.now);
  await queueEmails(tx, emails);
  await recordAuditMany(audit, context, tx);
}
