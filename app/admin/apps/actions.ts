"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, formField, postAction, type Translate } from "@/app/components/form-action";
import { requestContext } from "@/lib/http/request-context";
import { changeClient, registerClient } from "@/lib/oidc/clients";
import { requireRecentSignIn } from "@/lib/reauth";
import { APP_FIELDS, type AppField, type RegisterAppState, type RotateSecretState } from "./fields";
import { readRegistration, type RegistrationProblem, type RegistrationProblems } from "./registration";

/**
 * The applications page's actions (OpenID Connect clients). Every one of them hands out or takes
 * away a way into users' accounts, so each needs a recent sign-in in this session (its guard
 * checks the operator role first). A secret is returned once in the form's state, never in a URL
 * and never stored in the clear; the other actions end in a redirect to the page with a notice,
 * so every form works without JavaScript.
 */

const APPS = "/admin/apps";

/** A client id as lib makes them (base64url); anything else is no client of ours. */
const clientIdField = z.string().regex(/^[\w-]{1,128}$/);

function problemMessage(t: Translate, field: AppField, { code, line }: RegistrationProblem): string {
  switch (code) {
    case "required":
      return field === "redirectUris" ? t("AdminApps.errors.redirectUrisRequired") : t("AdminApps.errors.required");
    case "too-long":
      return line ? t("AdminApps.errors.lineTooLong", { number: line }) : t("AdminApps.errors.tooLong");
    case "too-many":
      return t("AdminApps.errors.tooMany", { max: 10 });
    case "invalid-uri":
      return t("AdminApps.errors.invalidUri", { number: line ?? 1 });
    case "invalid-choice":
      return t("AdminApps.errors.invalidChoice");
    default:
      return t("AdminApps.errors.invalid");
  }
}

function problemMessages(t: Translate, problems: RegistrationProblems): Partial<Record<AppField, string>> {
  return Object.fromEntries(
    (Object.entries(problems) as [AppField, RegistrationProblem][]).map(([field, problem]) => [
      field,
      problemMessage(t, field, problem),
    ]),
  );
}

/** "Register application": lib's schema checks the form first, so a refusal comes back under its fields. */
export const registerAppAction = formAction({
  fields: APP_FIELDS,
  guard: () => requireRecentSignIn("admin", APPS),
  schema: z.object({
    name: formField,
    redirectUris: formField,
    postLogoutRedirectUris: formField,
    clientType: formField,
    firstParty: formField,
    scope_email: formField,
    scope_profile: formField,
    scope_company: formField,
    scope_offline_access: formField,
  }),
  run: async (values, operator) => {
    const read = readRegistration(values);
    if (!read.ok) return read;
    const registered = await registerClient(read.registration, operator.id, await requestContext());
    return { ok: true as const, name: read.registration.name, ...registered };
  },
  messages: (result, { t, values }): RegisterAppState => {
    if (!result.ok) {
      return {
        fieldErrors: problemMessages(t, result.problems),
        message: t("AdminApps.fixErrors"),
        tone: "error",
        values,
      };
    }
    // The list above the form shows the new application too.
    revalidatePath(APPS);
    const { name, clientId, clientSecret } = result;
    return { registered: { clientId, clientSecret }, message: t("AdminApps.registered", { name }), tone: "success" };
  },
});

/** "Rotate secret" (confidential applications): the old secret stops working, the new one is shown once. */
export const rotateSecretAction = formAction({
  fields: ["clientId"],
  guard: () => requireRecentSignIn("admin", APPS),
  schema: z.object({ clientId: clientIdField }),
  run: async ({ clientId }, operator) => changeClient(clientId, "rotate-secret", operator.id, await requestContext()),
  messages: (result, { t }): RotateSecretState =>
    result?.clientSecret
      ? { clientSecret: result.clientSecret, tone: "success" }
      : { message: t("AdminApps.errors.not-found"), tone: "error" },
});

/**
 * "Disable", "Enable" and (after its confirmation) "Delete". An unknown or malformed id changes
 * nothing and reads as not found. Deleting returns to its confirmation after a challenge.
 */
function changeAction(change: "disable" | "enable" | "delete") {
  return postAction({
    fields: ["clientId"],
    guard: (form) => {
      const clientId = clientIdField.safeParse(form.get("clientId"));
      return requireRecentSignIn(
        "admin",
        change === "delete" && clientId.success
          ? `${APPS}?confirm=delete&client=${encodeURIComponent(clientId.data)}`
          : APPS,
      );
    },
    schema: z.object({ clientId: clientIdField }),
    run: async ({ clientId }, operator) => changeClient(clientId, change, operator.id, await requestContext()),
    refused: () => redirect(`${APPS}?error=not-found`),
    messages: (result) => redirect(result ? `${APPS}?done=${change}` : `${APPS}?error=not-found`),
  });
}

export const disableAppAction = changeAction("disable");
export const enableAppAction = changeAction("enable");
export const deleteAppAction = changeAction("delete");
