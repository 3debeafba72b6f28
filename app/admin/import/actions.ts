"use server";

import { z } from "zod";
import { formAction } from "@/app/components/form-action";
import { importUsers, IMPORT_LIMITS, type ImportIssue, type ImportResult } from "@/lib/admin";
import { requestContext } from "@/lib/http/request-context";
import { requireRecentSignIn, signedInRecently } from "@/lib/reauth";
import { requireOperator } from "@/lib/sessions";

type FileError = Exclude<Extract<ImportResult, { ok: false }>["error"], "rows" | "reauthenticate"> | "noFile";

export type ImportFormState =
  | { status: "idle" }
  | { status: "imported"; count: number }
  | { status: "file-error"; error: FileError; params?: Record<string, string | number> }
  | { status: "rejected"; rows: number; invalidRows: number; totalIssues: number; issues: ImportIssue[] };

/** A browser posts a nameless empty file when none was chosen; the first refusal that applies is shown. */
const importForm = z.object({
  file: z
    .instanceof(File, { error: "noFile" })
    .refine((file) => file.name !== "", { error: "noFile" })
    .refine((file) => file.size > 0, { error: "empty" })
    .refine((file) => file.size <= IMPORT_LIMITS.maxBytes, { error: "tooLarge" }),
});

/**
 * Checks the uploaded CSV and imports every row, or none with a report of each problem. A file
 * that creates operators needs a recent sign-in: without one the operator answers a challenge
 * and comes back to upload it again.
 */
export const importUsersAction = formAction({
  fields: ["file"],
  guard: () => requireOperator(),
  schema: importForm,
  run: async ({ file }, operator) =>
    importUsers(new Uint8Array(await file.arrayBuffer()), operator.id, await requestContext(), {
      operatorsAllowed: signedInRecently(operator, "admin"),
    }),
  refused: ({ fieldErrors }): ImportFormState => {
    const error = fieldErrors.file as FileError;
    return error === "tooLarge"
      ? { status: "file-error", error, params: { megabytes: IMPORT_LIMITS.maxBytes / 1024 / 1024 } }
      : { status: "file-error", error };
  },
  messages: async (result): Promise<ImportFormState> => {
    if (result.ok) return { status: "imported", count: result.imported };
    if (result.error === "reauthenticate") {
      await requireRecentSignIn("admin", "/admin/import");
      return { status: "idle" }; // not reached: the sign-in was not recent
    }
    if (result.error === "rows") {
      const { rows, invalidRows, totalIssues, issues } = result;
      return { status: "rejected", rows, invalidRows, totalIssues, issues };
    }
    return { status: "file-error", error: result.error, params: result.params };
  },
});
