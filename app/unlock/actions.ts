"use server";

import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { asForm, formText, type FormState } from "@/app/components/form-state";
import type { IdentityField } from "@/lib/identity/check";
import { unlockWithLink } from "@/lib/login";
import { requestContext } from "@/lib/http/request-context";

const identityFields = ["email", "name", "phone"] as const;

/** The unlock link's identity form. Success leaves the link's URL for one that carries no token. */
export async function unlockAccountAction(_: FormState<IdentityField>, formInput: unknown): Promise<FormState<IdentityField>> {
  const form = asForm(formInput);
  const token = form.get("token");
  const values = formText(form, identityFields);
  const result = await unlockWithLink(typeof token === "string" ? token : "", values, await requestContext());
  if (result.ok) redirect("/unlock/done");
  const t = await getTranslations();
  if ("fieldErrors" in result) {
    const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([field, code]) => [field, t(`FieldErrors.${code}` as "FieldErrors.required")]));
    return { fieldErrors, values };
  }
  const messages = {
    mismatch: () => t("Unlock.mismatch", { remaining: "remaining" in result ? result.remaining : 0 }),
    "link-invalid": () => t("Unlock.invalidBody"),
    "link-voided": () => t("Unlock.linkVoided"),
    "rate-limited": () => t("Onboarding.rateLimited"),
  };
  return { message: messages[result.error](), tone: "error", values };
}
