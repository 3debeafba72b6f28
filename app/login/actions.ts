"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/auth";
import { formField, postAction } from "@/app/components/form-action";
import { emailField } from "@/lib/identity";
import { forgetLogin, issueChallenge, pendingLogin, rememberChallenge, withSignInOutcome } from "@/lib/login";
import { requestContext } from "@/lib/http/request-context";
import { safeReturnPath, termsPath } from "@/lib/sessions";
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
  run: async ({ answer }, pending) => {
    try {
      return {
        pending,
        user: await withSignInOutcome(() =>
          signIn("credentials", { challengeId: pending.challengeId, answer, redirect: false }),
        ),
      };
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const { challengeId } = await issueChallenge(pending.email, await requestContext());
      await rememberChallenge(challengeId, pending.email, pending.returnTo);
      redirect("/login/challenge?retry=1");
    }
  },
  messages: async ({ pending, user }) => {
    await forgetLogin();
    if (user && isLocale(user.locale)) await rememberLocale(user.locale);
    // Decided here: a redirect issued while rendering the action's target would leave the URL behind.
    redirect(user?.termsAccepted ? (pending.returnTo ?? "/dashboard") : termsPath(pending.returnTo));
  },
});
