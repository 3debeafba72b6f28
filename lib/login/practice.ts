import { getDb } from "@/db/client";
import { consumeChallenge, findSignInAccount } from "@/db/queries/login";
import { hashToken, isToken } from "@/lib/crypto";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import type { RequestContext } from "@/lib/http/request-context";
import { issueUserChallenge } from "./challenge";
import { matches, typedCode } from "./code";

/**
 * The practice sign-in right after a new matrix password: a grid on the new pattern, answered as
 * at sign-in, that signs nobody in. Only the browser that just set the pattern holds its
 * challenge (a cookie), and that person knows the pattern, so a wrong answer is not counted
 * toward the lockout; the per-address answer limit still applies. A wrong answer brings a new grid.
 */

export type PracticeResult = { outcome: "right" } | { outcome: "wrong"; next: string } | { outcome: "expired" };

/** A practice grid for the user who just set their pattern; its id goes to that browser only. */
export async function beginPractice(userId: string, context: RequestContext): Promise<string> {
  return (await issueUserChallenge(userId, "practice", context)).challengeId;
}

/** Answers a practice grid (once): right, wrong (with the next grid's id) or expired. */
export async function answerPractice(
  challengeId: string,
  answer: unknown,
  context: RequestContext,
): Promise<PracticeResult> {
  const db = await getDb();
  const [challenge, withinLimit] = await Promise.all([
    consumeChallenge(db, hashToken(isToken(challengeId) ? challengeId : ""), context.now, "practice"),
    consumeRateLimit(RATE_LIMITS.loginAnswerPerIp, context.ip, context.now),
  ]);
  const account = challenge?.userId ? await findSignInAccount(db, challenge.userId) : undefined;
  if (!challenge || !account?.sealedPattern || account.status !== "active") return { outcome: "expired" };
  const typed = typedCode(answer);
  let right = false;
  try {
    right = withinLimit && typed !== null && matches(account.sealedPattern, account.id, challenge.digits, typed);
  } catch {
    // A pattern no key opens: nothing to practise on; the sign-in page will say what it can.
    return { outcome: "expired" };
  }
  return right ? { outcome: "right" } : { outcome: "wrong", next: await beginPractice(account.id, context) };
}
