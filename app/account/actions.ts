"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, formField, postAction } from "@/app/components/form-action";
import type { FormState } from "@/app/components/form-state";
import { setOnboardingCookie, startPatternChange } from "@/lib/onboarding";
import { requestContext } from "@/lib/http/request-context";
import { answer, issue, reauthPage, reauthReturnPath, requireRecentSignIn } from "@/lib/reauth";
import { beginTotpSetup, confirmTotp } from "@/lib/second-factor";
import { requireAcceptedTerms, requirePortalUser, secondFactorSetupPath, type SessionUser } from "@/lib/sessions";

const PAGE = "/account/password";

/** The new pattern is set on the onboarding screens, in a session opened for this user. */
async function changePattern(user: SessionUser): Promise<void> {
  await setOnboardingCookie(await startPatternChange(user.id, await requestContext()));
}

/** Changing the matrix password starts with a fresh challenge on the current one (see lib/reauth's account scope). */
export const startPatternChangeAction = postAction({
  fields: [],
  guard: () => requireRecentSignIn("account", PAGE),
  schema: z.object({}),
  run: async (_, user) => changePattern(user),
  messages: () => redirect("/start/pattern"),
});

export const answerReauthenticationAction = postAction({
  fields: ["answer"],
  guard: () => requirePortalUser(PAGE),
  schema: z.object({ answer: formField }),
  run: async (input, user) => {
    const confirmed = await answer(user, "account", input.answer);
    if (confirmed) await changePattern(user);
    return confirmed;
  },
  messages: (confirmed) => redirect(confirmed ? "/start/pattern" : reauthPage("account", PAGE, true)),
});

/** Where a sign-in method change returns after "Confirm it's you": the dashboard or an /account page. */
const methodsNext = formField.transform((next) => reauthReturnPath("methods", next));

/** Issues a fresh challenge before a sign-in method change (when the pending one expired or was never issued). */
export const startMethodsReauthAction = postAction({
  fields: ["next"],
  guard: () => requireAcceptedTerms("/account/reauth"),
  schema: z.object({ next: methodsNext }),
  run: async ({ next }, user) => {
    await issue(user, "methods");
    return next;
  },
  messages: (next) => redirect(reauthPage("methods", next)),
});

export const answerMethodsReauthAction = postAction({
  fields: ["next", "answer"],
  guard: () => requireAcceptedTerms("/account/reauth"),
  schema: z.object({ next: methodsNext, answer: formField }),
  run: async ({ next, answer: code }, user) => ({ next, confirmed: await answer(user, "methods", code) }),
  messages: ({ next, confirmed }) => redirect(confirmed ? next : reauthPage("methods", next, true)),
});

/** The setup page, still knowing where the user was going when a gate sent them to it. */
const setupPageFor = (form: FormData) => secondFactorSetupPath(formField.parse(form.get("next")));

/** "Set up an authenticator app": a new secret for the setup page to show (adding a method needs a recent sign-in). */
export const startTotpSetupAction = postAction({
  fields: ["next"],
  guard: (form) => requireRecentSignIn("methods", setupPageFor(form)),
  schema: z.object({ next: formField }),
  run: async ({ next }, user) => {
    await beginTotpSetup(user.id, await requestContext());
    return next;
  },
  messages: (next) => redirect(secondFactorSetupPath(next)),
});

export type TurnOnState = FormState<"code"> & { on?: true; recoveryCodes?: string[] };

/**
 * "Turn on" with the first code from the app. The recovery codes made with it come back in the
 * form's state, shown this once and never put in a URL.
 */
export const turnOnTotpAction = formAction({
  fields: ["code", "next"],
  guard: (form) => requireRecentSignIn("methods", setupPageFor(form)),
  schema: z.object({ code: formField }),
  run: async ({ code }, user) => confirmTotp(user.id, code, await requestContext()),
  messages: (result, { t }): TurnOnState => {
    if (result.ok) return { on: true, recoveryCodes: result.recoveryCodes ?? undefined };
    if (result.error === "wrong-code") return { fieldErrors: { code: t("Authenticator.wrongCode") } };
    return { message: t("Authenticator.expired") };
  },
});
