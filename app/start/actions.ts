"use server";

import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { asForm, type FormState } from "@/app/components/form-state";
import { formText } from "@/app/components/form-state";
import { emailField } from "@/lib/identity";
import {
  clearOnboardingCookie,
  confirmPattern,
  readOnboardingCookie,
  requestStartingGuide,
  saveDraft,
  setOnboardingCookie,
  verifyIdentity,
  type IdentityField,
} from "@/lib/onboarding";
import { requestContext } from "@/lib/http/request-context";
import { now } from "@/lib/platform/clock";

const identityFields = ["email", "name", "phone"] as const;

export async function verifyIdentityAction(_: FormState<IdentityField>, formInput: unknown): Promise<FormState<IdentityField>> {
  const form = asForm(formInput);
  const token = form.get("token");
  const values = formText(form, identityFields);
  const result = await verifyIdentity(typeof token === "string" ? token : "", values, await requestContext());
  if (result.ok) {
    await setOnboardingCookie(result.sessionId);
    redirect("/start/pattern");
  }
  const t = await getTranslations();
  if ("fieldErrors" in result) {
    const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([field, code]) => [field, t(`FieldErrors.${code}` as "FieldErrors.required")]));
    return { fieldErrors, values };
  }
  const messages = {
    mismatch: () => t("Onboarding.mismatch", { remaining: "remaining" in result ? result.remaining : 0 }),
    "link-invalid": () => t("Onboarding.invalidBody"),
    "link-voided": () => t("Onboarding.linkVoided"),
    "link-in-use": () => t("Onboarding.linkInUse"),
    "rate-limited": () => t("Onboarding.rateLimited"),
  };
  return { message: messages[result.error](), tone: "error", values };
}

export type PatternFormState = { message?: string };

export async function registerPatternAction(_: PatternFormState, formInput: unknown): Promise<PatternFormState> {
  const form = asForm(formInput);
  const sessionId = await readOnboardingCookie();
  const t = await getTranslations();
  if (!sessionId) return { message: t("Onboarding.sessionExpiredBody") };
  const raw = form.get("pattern");
  const cells = typeof raw === "string" && raw.length <= 200 && raw !== "" ? raw.split(",").map(Number) : [];
  const result = await saveDraft(sessionId, cells, now());
  if (result.ok) redirect("/start/confirm");
  if ("error" in result) return { message: t("Onboarding.sessionExpiredBody") };
  const { code, ...params } = result.reason;
  return { message: t(`PatternErrors.${code}`, params as Record<string, number>) };
}

export async function confirmPatternAction(): Promise<PatternFormState> {
  const sessionId = await readOnboardingCookie();
  const t = await getTranslations();
  if (!sessionId) return { message: t("Onboarding.confirmFailed") };
  const result = await confirmPattern(sessionId, await requestContext());
  if (!result.ok) {
    if (result.error === "no-draft") redirect("/start/pattern");
    return { message: t("Onboarding.confirmFailed") };
  }
  await clearOnboardingCookie();
  redirect("/start/done");
}

export async function backToPatternAction(): Promise<void> {
  redirect("/start/pattern");
}

export async function resendGuideAction(_: FormState<"email">, formInput: unknown): Promise<FormState<"email">> {
  const form = asForm(formInput);
  const { email } = formText(form, ["email"] as const);
  const t = await getTranslations();
  const parsed = emailField.safeParse(email);
  if (!parsed.success) {
    return { fieldErrors: { email: t(`FieldErrors.${parsed.error.issues[0]!.message}` as "FieldErrors.required") }, values: { email } };
  }
  await requestStartingGuide(parsed.data, await requestContext());
  return { message: t("Resend.sent"), tone: "success" };
}
