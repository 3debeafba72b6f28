"use server";

import { asForm } from "@/app/components/form-state";
import { redirect } from "next/navigation";
import { answerReauthentication, issueReauthChallenge } from "@/lib/login";
import { forgetReauthChallenge, pendingReauthChallenge, rememberReauthChallenge } from "@/lib/login/cookie";
import { setOnboardingCookie, startPatternChange } from "@/lib/onboarding";
import { requestContext } from "@/lib/http/request-context";
import { requirePortalUser } from "@/lib/sessions";

const PAGE = "/account/password";

/** Changing the matrix password starts with a fresh challenge on the current one. */
export async function startPatternChangeAction(): Promise<void> {
  const user = await requirePortalUser(PAGE);
  const { challengeId } = await issueReauthChallenge(user.id, await requestContext());
  await rememberReauthChallenge(challengeId);
  redirect(PAGE);
}

export async function answerReauthenticationAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const user = await requirePortalUser(PAGE);
  const challengeId = await pendingReauthChallenge();
  const answer = form.get("answer");
  const context = await requestContext();
  const confirmed = await answerReauthentication(challengeId ?? "", typeof answer === "string" ? answer.slice(0, 64) : "", { userId: user.id, sessionId: user.sessionId }, context);
  if (!confirmed) {
    const next = await issueReauthChallenge(user.id, context);
    await rememberReauthChallenge(next.challengeId);
    redirect(`${PAGE}?retry=1`);
  }
  await forgetReauthChallenge();
  await setOnboardingCookie(await startPatternChange(user.id, context));
  redirect("/start/pattern");
}
