import { answerReauthentication, issueUserChallenge, loadPendingChallenge } from "@/lib/login";
import { requestContext } from "@/lib/http/request-context";
import { now } from "@/lib/platform/clock";
import type { SessionUser } from "@/lib/sessions";
import { forgetChallenge, pendingChallengeId, rememberChallenge } from "./cookie";
import type { ReauthScope } from "./policy";

/**
 * The re-authentication verbs, whatever the scope: issue a challenge to the signed-in user,
 * show the pending one, answer it, forget it. A second factor plugs in here: issue and answer
 * are the only places that know the proof is a matrix challenge.
 */

type Prover = Pick<SessionUser, "id" | "sessionId">;

/** A fresh challenge for the user, remembered for this scope (it replaces any pending one). */
export async function issue(user: Prover, scope: ReauthScope): Promise<void> {
  const { challengeId } = await issueUserChallenge(user.id, "reauthenticate", await requestContext());
  await rememberChallenge(scope, challengeId);
}

/** The pending challenge's grid (digits in cell order), or null when none is pending or it expired. */
export async function pending(): Promise<{ digits: string; expiresAt: Date } | null> {
  const challengeId = await pendingChallengeId();
  return challengeId ? loadPendingChallenge(challengeId, now(), "reauthenticate") : null;
}

/**
 * Answers the pending challenge. Success is recorded on this session (which the recent-sign-in
 * rule reads) and audited, and the challenge is forgotten; any failure issues a fresh one, so
 * the page shows a new grid. Wrong answers count towards the lockout exactly like sign-in.
 */
export async function answer(user: Prover, scope: ReauthScope, code: unknown): Promise<boolean> {
  const context = await requestContext();
  const challengeId = await pendingChallengeId();
  const typed = typeof code === "string" ? code.slice(0, 64) : "";
  const confirmed = await answerReauthentication(
    challengeId ?? "",
    typed,
    { userId: user.id, sessionId: user.sessionId },
    context,
  );
  if (confirmed) await forget(scope);
  else await issue(user, scope);
  return confirmed;
}

export async function forget(scope: ReauthScope): Promise<void> {
  await forgetChallenge(scope);
}
