"use server";

import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { asForm, formText, type FormState } from "@/app/components/form-state";
import { disableUser, editProfile, enableUser, isUserId, resendStartingGuide, resetMatrixPassword, unlockUserAccount, type ProfileField } from "@/lib/admin";
import { requireRecentAuthentication } from "@/lib/admin/recent-authentication";
import { registerUser, type RegistrationField } from "@/lib/onboarding";
import { requestContext } from "@/lib/http/request-context";
import { endSession, requireOperator } from "@/lib/sessions";

/**
 * The user directory's actions. Each one checks the operator role itself (a direct POST by
 * anyone else gets the 404 of requireOperator), takes the user id from the form and never
 * trusts it, and ends in a redirect to a page that shows the outcome, so every form works
 * without JavaScript.
 */

/** Field error codes from lib/ to catalogue strings; an unknown code reads as an invalid choice. */
async function fieldMessages<Field extends string>(errors: Partial<Record<Field, string>>): Promise<Partial<Record<Field, string>>> {
  const t = await getTranslations();
  const messages: Partial<Record<Field, string>> = {};
  for (const [field, code] of Object.entries(errors) as [Field, string][]) {
    const key = `FieldErrors.${code}` as "FieldErrors.required";
    messages[field] = t.has(key) ? t(key) : t("AdminUsers.invalidChoice");
  }
  return messages;
}

const registrationFields = ["email", "name", "phone", "company", "role", "locale"] as const;

export async function registerUserAction(_: FormState<RegistrationField>, formInput: unknown): Promise<FormState<RegistrationField>> {
  const form = asForm(formInput);
  const operator = await requireOperator();
  const values = formText(form, registrationFields);
  // Creating an operator hands out the admin area: it needs a recent sign-in in this session.
  if (values.role === "operator") await requireRecentAuthentication(operator, "/admin/users/new");
  const result = await registerUser(
    {
      email: values.email,
      name: values.name,
      phone: values.phone,
      company: values.company.trim() === "" ? undefined : values.company,
      role: values.role as "customer",
      locale: values.locale as "en",
    },
    await requestContext(),
    operator.id,
  );
  if (result.ok) redirect(`/admin/users/${result.userId}?done=registered`);
  const t = await getTranslations("AdminUsers");
  return { fieldErrors: await fieldMessages(result.fieldErrors), message: t("fixErrors"), tone: "error", values };
}

const profileFields = ["name", "phone", "company"] as const;

export async function editProfileAction(_: FormState<ProfileField>, formInput: unknown): Promise<FormState<ProfileField>> {
  const form = asForm(formInput);
  const operator = await requireOperator();
  const userId = form.get("userId");
  if (!isUserId(userId)) notFound();
  const values = formText(form, profileFields);
  const result = await editProfile(userId, values, operator.id, await requestContext());
  if (result.ok) redirect(`/admin/users/${userId}?done=${result.changed.length ? "profile" : "unchanged"}`);
  if ("error" in result) notFound();
  const t = await getTranslations("AdminUsers");
  return { fieldErrors: await fieldMessages(result.fieldErrors), message: t("fixErrors"), tone: "error", values };
}

type AccountAction = "resend" | "reset" | "unlock" | "disable" | "enable";

/** The user the form names, for an operator; a malformed id is a 404 like an unknown one. */
async function target(form: FormData) {
  const operator = await requireOperator();
  const userId = form.get("userId");
  if (!isUserId(userId)) notFound();
  return { operator, userId, context: await requestContext() };
}

/** Resetting and disabling need a recent sign-in; after answering a challenge the operator returns to this confirmation. */
const confirmationPath = (userId: string, action: AccountAction) => `/admin/users/${userId}?confirm=${action}`;

function outcome(userId: string, action: AccountAction, result: { ok: true } | { ok: false; error: string }): never {
  redirect(result.ok ? `/admin/users/${userId}?done=${action}` : `/admin/users/${userId}?error=${result.error}`);
}

export async function resendGuideAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const { operator, userId, context } = await target(form);
  outcome(userId, "resend", await resendStartingGuide(userId, operator.id, context));
}

export async function resetPasswordAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const { operator, userId, context } = await target(form);
  await requireRecentAuthentication(operator, confirmationPath(userId, "reset"));
  outcome(userId, "reset", await resetMatrixPassword(userId, operator.id, context));
}

export async function unlockAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const { operator, userId, context } = await target(form);
  outcome(userId, "unlock", await unlockUserAccount(userId, operator.id, context));
}

export async function disableAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const { operator, userId, context } = await target(form);
  await requireRecentAuthentication(operator, confirmationPath(userId, "disable"));
  outcome(userId, "disable", await disableUser(userId, operator.id, context));
}

export async function enableAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const { operator, userId, context } = await target(form);
  outcome(userId, "enable", await enableUser(userId, operator.id, context));
}

/**
 * Ends one of the user's sessions from their page (needs a recent sign-in; audited). A session
 * id that is not one of this user's live sessions changes nothing and reads as not found.
 */
export async function endUserSessionAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const { operator, userId, context } = await target(form);
  const sessionId = form.get("sessionId");
  await requireRecentAuthentication(operator, `/admin/users/${userId}#sessions`);
  const result = await endSession(userId, sessionId, operator.id, context);
  redirect(result.ok ? `/admin/users/${userId}?done=session#sessions` : `/admin/users/${userId}?error=session-not-found#sessions`);
}
