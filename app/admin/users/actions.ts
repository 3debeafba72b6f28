"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { formAction, formField, postAction, type Say } from "@/app/components/form-action";
import type { FormState } from "@/app/components/form-state";
import {
  disableUser,
  editProfile,
  enableUser,
  isUserId,
  resendStartingGuide,
  resetMatrixPassword,
  unlockUserAccount,
  type ProfileField,
} from "@/lib/admin";
import { registerUser, type RegistrationField } from "@/lib/onboarding";
import { requestContext, type RequestContext } from "@/lib/http/request-context";
import { requireRecentSignIn } from "@/lib/reauth";
import { resetSecondFactors, setSecondFactorRequirement } from "@/lib/second-factor";
import { endSession, requireOperator } from "@/lib/sessions";

/**
 * The user directory's actions. Each one checks the operator role itself (a direct POST by
 * anyone else gets the 404 of requireOperator), takes the user id from the form and never
 * trusts it, and ends in a redirect to a page that shows the outcome, so every form works
 * without JavaScript. Lib validates the fields; a refusal comes back with its field errors.
 */

function refusal<Field extends string>(
  result: { fieldErrors: Partial<Record<Field, string>> },
  { t, values, fieldMessages }: Say<Field>,
): FormState<Field> {
  return { fieldErrors: fieldMessages(result.fieldErrors), message: t("AdminUsers.fixErrors"), tone: "error", values };
}

export const registerUserAction = formAction({
  fields: ["email", "name", "phone", "company", "role", "locale"] as RegistrationField[],
  // Creating an operator hands out the admin area: it needs a recent sign-in in this session.
  guard: (form) =>
    form.get("role") === "operator" ? requireRecentSignIn("admin", "/admin/users/new") : requireOperator(),
  schema: z.object({
    email: formField,
    name: formField,
    phone: formField,
    company: formField.transform((company) => (company.trim() === "" ? undefined : company)),
    role: formField.transform((role) => role as "customer"),
    locale: formField.transform((locale) => locale as "en"),
  }),
  run: async (input, operator) => registerUser(input, await requestContext(), operator.id),
  messages: (result, say): FormState<RegistrationField> => {
    if (result.ok) redirect(`/admin/users/${result.userId}?done=registered`);
    return refusal(result, say);
  },
});

/** The user the form names, for an operator; a malformed id is a 404 like an unknown one. */
async function target(form: FormData, recentFor?: (userId: string) => string) {
  await requireOperator();
  const userId = form.get("userId");
  if (!isUserId(userId)) notFound();
  const operator = recentFor ? await requireRecentSignIn("admin", recentFor(userId)) : await requireOperator();
  return { operator, userId, context: await requestContext() };
}

export const editProfileAction = formAction({
  fields: ["name", "phone", "company"] as ProfileField[],
  guard: (form) => target(form),
  schema: z.object({ name: formField, phone: formField, company: formField }),
  run: async (values, { operator, userId, context }) => ({
    userId,
    result: await editProfile(userId, values, operator.id, context),
  }),
  messages: ({ userId, result }, say): FormState<ProfileField> => {
    if (result.ok) redirect(`/admin/users/${userId}?done=${result.changed.length ? "profile" : "unchanged"}`);
    if ("error" in result) notFound();
    return refusal(result, say);
  },
});

type AccountAction = "resend" | "reset" | "unlock" | "disable" | "enable" | "factors";
type AccountVerb = (
  userId: string,
  actorId: string,
  context: RequestContext,
) => Promise<{ ok: true } | { ok: false; error: string }>;

/**
 * One account action of the user's page. Resetting and disabling need a recent sign-in; after
 * answering a challenge the operator returns to this confirmation.
 */
function accountAction(action: AccountAction, verb: AccountVerb, needsRecentSignIn = false) {
  return postAction({
    fields: [],
    guard: (form) =>
      target(form, needsRecentSignIn ? (userId) => `/admin/users/${userId}?confirm=${action}` : undefined),
    schema: z.object({}),
    run: async (_, { operator, userId, context }) => ({ userId, result: await verb(userId, operator.id, context) }),
    messages: ({ userId, result }) => {
      redirect(result.ok ? `/admin/users/${userId}?done=${action}` : `/admin/users/${userId}?error=${result.error}`);
    },
  });
}

export const resendGuideAction = accountAction("resend", resendStartingGuide);
export const resetPasswordAction = accountAction("reset", resetMatrixPassword, true);
export const unlockAction = accountAction("unlock", unlockUserAccount);
export const disableAction = accountAction("disable", disableUser, true);
export const enableAction = accountAction("enable", enableUser);
export const resetSecondFactorsAction = accountAction("factors", resetSecondFactors, true);

/**
 * The user's second-factor requirement (follow the policy, required, not required). Loosening
 * it weakens their sign-in, so any change needs a recent sign-in.
 */
export const setSecondFactorRequirementAction = postAction({
  fields: ["requirement"],
  guard: (form) => target(form, (userId) => `/admin/users/${userId}#sign-in-methods`),
  schema: z.object({ requirement: formField }),
  run: async ({ requirement }, { operator, userId, context }) => ({
    userId,
    result: await setSecondFactorRequirement(userId, requirement, operator.id, context),
  }),
  messages: ({ userId, result }) => {
    redirect(`/admin/users/${userId}?${result.ok ? "done=requirement" : `error=${result.error}`}#sign-in-methods`);
  },
});

/**
 * Ends one of the user's sessions from their page (needs a recent sign-in; audited). A session
 * id that is not one of this user's live sessions changes nothing and reads as not found.
 */
export const endUserSessionAction = postAction({
  fields: ["sessionId"],
  guard: (form) => target(form, (userId) => `/admin/users/${userId}#sessions`),
  schema: z.object({ sessionId: formField }),
  run: async ({ sessionId }, { operator, userId, context }) => ({
    userId,
    result: await endSession(userId, sessionId, operator.id, context),
  }),
  messages: ({ userId, result }) => {
    redirect(
      result.ok
        ? `/admin/users/${userId}?done=session#sessions`
        : `/admin/users/${userId}?error=session-not-found#sessions`,
    );
  },
});
