import { getDb } from "@/db/client";
import { findRegisteredEmails, type ImportedUser } from "@/db/queries/import";
import { registrationSchema } from "@/lib/identity";
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportFile,
  type ImportIssue,
  type ImportIssueCode,
} from "./import-file";

const knownIssues = new Set<string>(["required", "tooLong", "emailInvalid", "phoneNoHyphens", "phoneDigits"]);

export type ValidRow = { row: number; user: Omit<ImportedUser, "id"> };

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
