"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { FieldError } from "@/app/components/FieldError";
import { DataTable } from "@/app/components/DataTable";
import { FormMessage } from "@/app/components/FormMessage";
import { buttonClass, describedBy, hintClass, labelClass, linkClass } from "@/app/components/styles";
import { parseCsv } from "@/lib/admin/csv";
import { importUsersAction, type ImportFormState } from "./actions";

/** The submit button and, while the server works, what it is doing (announced politely). */
function SubmitWithProgress({ rows }: { rows: number | null }) {
  const t = useTranslations("AdminImport");
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
      <button type="submit" className={buttonClass("primary")} disabled={pending} aria-describedby="import-progress">
        {t("submit")}
      </button>
      <p id="import-progress" role="status" aria-live="polite" className="flex items-center gap-2 text-ink">
        {pending ? (
          <>
            <span
              aria-hidden="true"
              className="size-4 animate-spin rounded-full border-2 border-brand border-t-transparent"
            />
            {rows !== null ? t("pendingRows", { count: rows }) : t("pendingFile")}
          </>
        ) : null}
      </p>
    </div>
  );
}

/** Data rows in the chosen file, counted with the same CSV reader the server uses. */
async function countRows(file: File): Promise<number | null> {
  if (file.size > 20 * 1024 * 1024) return null;
  const parsed = parseCsv(await file.text());
  if (!parsed.ok) return null;
  return parsed.records.slice(1).filter((record) => record.some((field) => field.trim() !== "")).length;
}

export function ImportForm({ maxRows }: { maxRows: number }) {
  const t = useTranslations("AdminImport");
  const [state, action] = useActionState(importUsersAction, { status: "idle" } as ImportFormState);
  const [rows, setRows] = useState<number | null>(null);
  const fileError = state.status === "file-error" ? t(`fileErrors.${state.error}`, state.params as never) : undefined;

  return (
    <div className="space-y-6">
      <FormMessage tone={state.status === "imported" ? "success" : "error"}>
        {state.status === "imported" ? (
          <>
            {t("imported", { count: state.count })}{" "}
            <Link href="/admin/users" className={linkClass}>
              {t("viewUsers")}
            </Link>
          </>
        ) : state.status === "rejected" ? (
          t("rejected", { rows: state.rows, invalidRows: state.invalidRows })
        ) : undefined}
      </FormMessage>

      <form action={action} className="space-y-4" encType="multipart/form-data">
        <div>
          <label htmlFor="file" className={labelClass}>
            {t("file")}
          </label>
          <p id="file-hint" className={hintClass}>
            {t("fileHint", { maxRows: maxRows.toLocaleString("en") })}
          </p>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy("file-hint", fileError && "file-error")}
            onChange={(event) => {
              const file = event.target.files?.[0];
              setRows(null);
              if (file) void countRows(file).then(setRows, () => setRows(null));
            }}
            className="mt-1.5 block w-full rounded-lg border border-line-strong bg-surface text-base text-ink file:mr-4 file:min-h-11 file:border-0 file:border-r file:border-line-strong file:bg-canvas file:px-4 file:font-semibold file:text-ink"
          />
          <FieldError id="file-error" message={fileError} />
        </div>
        <SubmitWithProgress rows={rows} />
      </form>

      {state.status === "rejected" ? (
        <section aria-labelledby="report-title" className="space-y-3">
          <h2 id="report-title" className="text-xl font-semibold text-ink">
            {t("reportTitle")}
          </h2>
          {state.totalIssues > state.issues.length ? (
            <p className="text-muted">{t("truncated", { shown: state.issues.length, total: state.totalIssues })}</p>
          ) : null}
          <DataTable caption={t("reportCaption")} columns={[t("row"), t("field"), t("problem")]}>
            {state.issues.map((issue, index) => (
              <tr key={index} className="border-b border-line last:border-0">
                <th scope="row" className="py-2 pr-4 font-semibold tabular-nums text-ink">
                  {issue.row}
                </th>
                <td className="py-2 pr-4 font-mono text-ink">{issue.field === "row" ? t("wholeRow") : issue.field}</td>
                <td className="py-2 text-ink">{t(`errors.${issue.code}`, issue.params as never)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
    </div>
  );
}
