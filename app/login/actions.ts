"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/auth";
import { formAction, formField, postAction } from "@/app/components/form-action";
import { emailField } from "@/lib/identity";
import {
  forgetLogin,
  issueChallenge,
  pendingLogin,
  rememberChallenge,
  withSignInOutcome,
  type SignedInUser,
} from "@/lib/login";
import {
  forgetPendingSignIn,
  passkeyAuthenticationOptions,
  pendingSecondFactor,
  pendingSignInToken,
  rememberPendingSignIn,
} from "@/lib/second-factor";
import { now } from "@/lib/platform/clock";
import { MAX_WEBAUTHN_RESPONSE_CHARS } from "@/lib/second-factor/webauthn";
import { requestContext } from "@/lib/http/request-context";
import { safeReturnPath, secondFactorSetupPath, termsPath } from "@/lib/sessions";
import { rememberLocale } from "@/lib/i18n/cookie";
import { isLocale } from "@/lib/i18n/config";

/** Email entry: every well-formed address gets a challenge page (a decoy when unknown). */
export const startSignInAction = postAction({
  fields: ["email", "next"],
  guard: () => pendingLogin(),
  schema: z.object({ email: formField.pipe(emailField), next: formField }),
  run: async ({ email, next }, previous) => {
    const { challengeId } = await issueChallenge(email, await requestContext(), previous.challengeId ?? undefined);
    await rememberChallenge(challengeId, email, safeReturnPath(next));
  },
  refused: () => redirect("/login?error=email"),
  messages: () => redirect("/login/challenge"),
});

/** Only a browser holding a pending challenge may answer; anyone else starts again at email entry. */
async function pendingChallenge() {
  const pending = await pendingLogin();
  if (!pending.challengeId || !pending.email) redirect("/login?error=expired");
  return { ...pending, challengeId: pending.challengeId, email: pending.email };
}

/** The answer goes to Auth.js; any failure shows a fresh grid with one generic message. */
export const answerChallengeAction = postAction({
  fields: ["answer"],
  guard: pendingChallenge,
  schema: z.object({ answer: formField.transform((answer) => answer.slice(0, 64)) }),
  run: async ({ answer }, pending) => ({
    pending,
    result: await withSignInOutcome(() =>
      signIn("credentials", { challengeId: pending.challengeId, answer, redirect: false }),
    ),
  }),
  messages: async ({ pending, result }) => {
    if (result.ok) return signedIn(result.user);
    if ("secondFactor" in result && result.secondFactor) {
      await rememberPendingSignIn(result.secondFactor.token);
      redirect("/login/second-factor");
    }
    const { challengeId } = await issueChallenge(pending.email, await requestContext());
    await rememberChallenge(challengeId, pending.email, pending.returnTo);
    redirect("/login/challenge?retry=1");
  },
});

/** Only a browser holding a pending sign-in may answer the second step; anyone else starts again. */
async function pendingSecondStep() {
  const token = await pendingSignInToken();
  if (!token) redirect("/login?error=second-step");
  return token;
}

/** A passkey assertion is JSON of a few hundred bytes to a few kilobytes; codes are short. */
const MAX_ANSWER = { totp: 64, "recovery-code": 64, passkey: MAX_WEBAUTHN_RESPONSE_CHARS } as const;
/** The step again after a wrong answer, showing the form (and the message) of the method used. */
const RETRY = { totp: "retry=1", "recovery-code": "method=recovery&retry=1", passkey: "retry=passkey" } as const;

/**
 * A code from the authenticator app, a recovery code or a passkey's assertion (posted by the
 * page's script); a wrong one keeps the step, anything else starts over.
 */
export const answerSecondFactorAction = postAction({
  fields: ["method", "code"],
  guard: pendingSecondStep,
  schema: z
    .object({ method: z.enum(["totp", "recovery-code", "passkey"]).catch("totp"), code: formField })
    .transform(({ method, code }) => ({ method, code: code.slice(0, MAX_ANSWER[method]) })),
  run: async ({ method, code }, token) => ({
    method,
    result: await withSignInOutcome(() => signIn("second-factor", { token, method, code, redirect: false })),
  }),
  messages: async ({ method, result }) => {
    if (result.ok) {
      await forgetPendingSignIn();
      return signedIn(result.user);
    }
    if ("restart" in result && result.restart) {
      await forgetPendingSignIn();
      redirect("/login?error=second-step");
    }
    redirect(`/login/second-factor?${RETRY[method]}`);
  },
});

/** The options for navigator.credentials.get(): the pending sign-in's user's passkeys (null when none). */
export const passkeySignInOptionsAction = formAction({
  fields: [],
  guard: pendingSecondStep,
  schema: z.object({}),
  run: async (_, token) => {
    const pending = await pendingSecondFactor(token, now());
    return pending ? passkeyAuthenticationOptions(pending.userId) : null;
  },
  messages: (options) => ({ options }),
});

/** Signed in: the login cookies go, the user's language is kept, and the terms come first if not yet accepted. */
async function signedIn(user: SignedInUser): Promise<never> {
  const { returnTo } = await pendingLogin();
  await forgetLogin();
  if (isLocale(user.locale)) await rememberLocale(user.locale);
  // Decided here: a redirect issued while rendering the action's target would leave the URL behind.
  if (!user.termsAccepted) redirect(termsPath(returnTo));
  redirect(user.secondFactorSetupNeeded ? secondFactorSetupPath(returnTo) : (returnTo ?? "/dashboard"));
}
