"use server";

import { asForm } from "@/app/components/form-state";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { emailField } from "@/lib/identity";
import { forgetLogin, issueChallenge, pendingLogin, rememberChallenge, withSignInOutcome } from "@/lib/login";
import { requestContext } from "@/lib/http/request-context";
import { safeReturnPath, termsPath } from "@/lib/sessions";
import { rememberLocale } from "@/lib/i18n/cookie";
import { isLocale } from "@/lib/i18n/config";

/** Email entry: every well-formed address gets a challenge page (a decoy when unknown). */
export async function startSignInAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const parsed = emailField.safeParse(form.get("email") ?? "");
  if (!parsed.success) redirect("/login?error=email");
  const previous = await pendingLogin();
  const { challengeId } = await issueChallenge(parsed.data, await requestContext(), previous.challengeId ?? undefined);
  await rememberChallenge(challengeId, parsed.data, safeReturnPath(form.get("next")));
  redirect("/login/challenge");
}

/** The answer goes to Auth.js; any failure shows a fresh grid with one generic message. */
export async function answerChallengeAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const pending = await pendingLogin();
  const answer = form.get("answer");
  if (!pending.challengeId || !pending.email) redirect("/login?error=expired");
  let user;
  try {
    user = await withSignInOutcome(() =>
      signIn("credentials", {
        challengeId: pending.challengeId,
        answer: typeof answer === "string" ? answer.slice(0, 64) : "",
        redirect: false,
      }),
    );
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const { challengeId } = await issueChallenge(pending.email, await requestContext());
    await rememberChallenge(challengeId, pending.email, pending.returnTo);
    redirect("/login/challenge?retry=1");
  }
  await forgetLogin();
  if (user && isLocale(user.locale)) await rememberLocale(user.locale);
  // Decided here: a redirect issued while rendering the action's target would leave the URL behind.
  redirect(user?.termsAccepted ? (pending.returnTo ?? "/dashboard") : termsPath(pending.returnTo));
}
