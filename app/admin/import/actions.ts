"use server";

import { asForm } from "@/app/components/form-state";
import { importUsers, IMPORT_LIMITS, type ImportIssue, type ImportResult } from "@/lib/admin";
import { requireRecentAuthentication } from "@/lib/admin/recent-authentication";
import { requestContext } from "@/lib/http/request-context";
import { authenticatedRecently, requireOperator } from "@/lib/sessions";

export type ImportFormState =
  | { status: "idle" }
  | { status: "imported"; count: number }
  | { status: "file-error"; error: Exclude<Extract<ImportResult, { ok: false }>["error"], "rows" | "reauthenticate"> | "noFile"; params?: Record<string, string | number> }
  | { status: "rejected"; rows: number; invalidRows: number; totalIssues: number; issues: ImportIssue[] };

/**
 * Checks the uploaded CSV and imports every row, or none with a report of each problem. A file
 * that creates operators needs a recent sign-in: without one the operator answers a challenge
 * and comes back to upload it again.
 */
export async function importUsersAction(_: ImportFormState, formInput: unknown): Promise<ImportFormState> {
  const form = asForm(formInput);
  const operator = await requireOperator();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0 || !file.name) return { status: "file-error", error: file instanceof File && file.name ? "empty" : "noFile" };
  if (file.size > IMPORT_LIMITS.maxBytes) return { status: "file-error", error: "tooLarge", params: { megabytes: IMPORT_LIMITS.maxBytes / 1024 / 1024 } };
  const result = await importUsers(new Uint8Array(await file.arrayBuffer()), operator.id, await requestContext(), { operatorsAllowed: authenticatedRecently(operator) });
  if (result.ok) return { status: "imported", count: result.imported };
  if (result.error === "reauthenticate") {
    await requireRecentAuthentication(operator, "/admin/import");
    return { status: "idle" }; // not reached: the sign-in was not recent
  }
  if (result.error === "rows") {
    const { rows, invalidRows, totalIssues, issues } = result;
    return { status: "rejected", rows, invalidRows, totalIssues, issues };
  }
  return { status: "file-error", error: result.error, params: result.params };
}
