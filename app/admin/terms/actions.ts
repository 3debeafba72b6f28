"use server";

import { z } from "zod";
import { formAction, formField } from "@/app/components/form-action";
import type { FormState } from "@/app/components/form-state";
import { publishTerms } from "@/lib/admin";
import { requestContext } from "@/lib/http/request-context";
import { requireRecentSignIn } from "@/lib/reauth";

export type TermsField = "enTitle" | "enBody" | "jaTitle" | "jaBody";
export type PublishTermsFormState = FormState<TermsField> & { published?: number };

const fieldOf: Record<string, TermsField> = {
  "en.title": "enTitle",
  "en.body": "enBody",
  "ja.title": "jaTitle",
  "ja.body": "jaBody",
};

/** Japanese is optional, but all or nothing: a title alone is sent on, to be refused. */
const termsForm = z
  .object({ enTitle: formField, enBody: formField, jaTitle: formField, jaBody: formField })
  .transform((values) => ({
    en: { title: values.enTitle, body: values.enBody },
    ...(values.jaTitle.trim() !== "" || values.jaBody.trim() !== ""
      ? { ja: { title: values.jaTitle, body: values.jaBody } }
      : {}),
  }));

/**
 * Publishes a new terms version: a sensitive action, so the operator must have signed in or
 * confirmed who they are within the last 15 minutes. Everyone accepts again on their next request.
 */
export const publishTermsAction = formAction({
  fields: ["enTitle", "enBody", "jaTitle", "jaBody"] as TermsField[],
  guard: () => requireRecentSignIn("admin", "/admin/terms"),
  schema: termsForm,
  run: async (input, operator) => publishTerms(input, operator.id, await requestContext()),
  messages: (result, { values, fieldMessages }): PublishTermsFormState => {
    if (result.ok) return { published: result.version, tone: "success" };
    const codes: Partial<Record<TermsField, string>> = {};
    for (const [path, code] of Object.entries(result.fieldErrors)) {
      const field = fieldOf[path];
      // Japanese is all or nothing: say so rather than just "required".
      if (field && code) codes[field] = field.startsWith("ja") && code === "required" ? "jaIncomplete" : code;
    }
    return { fieldErrors: fieldMessages(codes, "AdminTerms.errors"), values, tone: "error" };
  },
});
