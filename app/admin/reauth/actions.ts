"use server";

import { asForm } from "@/app/components/form-state";
import { redirect } from "next/navigation";
import { adminReturnPath, forgetAdminReauth, pendingAdminReauth, rememberAdminReauth } from "@/lib/admin/account-actions";
import { answerReauthentication, issueReauthChallenge } from "@/lib/login";
import { requestContext } from "@/lib/http/request-context";
import { requireOperator } from "@/lib/sessions";

const reauthPage = (next: string, retry = false) => `/admin/reauth?next=${encodeURIComponent(next)}${retry ? "&retry=1" : ""}`;

/** Issues a fresh challenge for the operator (when the pending one expired or was never issued). */
export async function startAdminReauthAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const operator = await requireOperator();
  const next = adminReturnPath(form.get("next"));
  const { challengeId } = await issueReauthChallenge(operator.id, await requestContext());
  await rememberAdminReauth(challengeId);
  redirect(reauthPage(next));
}

/**
 * Answers the challenge. Success is audited as account.reauthenticated (which the 15-minute
 * rule reads) and returns to the page that asked; a failure shows a fresh grid. Wrong answers
 * count towards the operator's lockout exactly like sign-in attempts.
 */
export async function answerAdminReauthAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const operator = await requireOperator();
  const next = adminReturnPath(form.get("next"));
  const answer = form.get("answer");
  const context = await requestContext();
  const challengeId = await pendingAdminReauth();
  const confirmed = await answerReauthentication(challengeId ?? "", typeof answer === "string" ? answer.slice(0, 64) : "", { userId: operator.id, sessionId: operator.sessionId }, context);
  if (!confirmed) {
    const fresh = await issueReauthChallenge(operator.id, context);
    await rememberAdminReauth(fresh.challengeId);
    redirect(reauthPage(next, true));
  }
  await forgetAdminReauth();
  redirect(next);
}
