"use server";

import { redirect } from "next/navigation";
import { asForm, formText, type FormState } from "@/app/components/form-state";
import { publishTerms } from "@/lib/admin";
import { requestContext } from "@/lib/http/request-context";
import { authenticatedRecently, requireOperator } from "@/lib/sessions";

export type TermsField = "enTitle" | "enBody" | "jaTitle" | "jaBody";
export type PublishTermsFormState = FormState<TermsField> & { published?: number };

const FIELDS = ["enTitle", "enBody", "jaTitle", "jaBody"] as const;
const fieldOf: Record<string, TermsField> = { "en.title": "enTitle", "en.body": "enBody", "ja.title": "jaTitle", "ja.body": "jaBody" };

/**
 * Publishes a new terms version: a sensitive action, so the operator must have signed in or
 * confirmed who they are within the last 15 minutes. Everyone accepts again on their next request.
 */
export async function publishTermsAction(_: PublishTermsFormState, formInput: unknown): Promise<PublishTermsFormState> {
  const form = asForm(formInput);
  const operator = await requireOperator();
  if (!authenticatedRecently(operator)) redirect("/admin/reauth?next=/admin/terms");
  const values = formText(form, FIELDS);
  const japanese = values.jaTitle.trim() !== "" || values.jaBody.trim() !== "";
  const input = {
    en: { title: values.enTitle, body: values.enBody },
    ...(japanese ? { ja: { title: values.jaTitle, body: values.jaBody } } : {}),
  };
  const result = await publishTerms(input, operator.id, await requestContext());
  if (result.ok) return { published: result.version, tone: "success" };
  const fieldErrors: PublishTermsFormState["fieldErrors"] = {};
  for (const [path, code] of Object.entries(result.fieldErrors)) {
    const field = fieldOf[path];
    if (!field || !code) continue;
    // Japanese is all or nothing: say so rather than just "required".
    fieldErrors[field] = field.startsWith("ja") && code === "required" ? "jaIncomplete" : code;
  }
  return { fieldErrors, values, tone: "error" };
}
