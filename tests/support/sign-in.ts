import { randomBytes } from "node:crypto";
import { answerChallenge, issueChallenge, loadPendingChallenge } from "@/lib/login";
import { expectedAnswer } from "@/lib/matrix";
import { confirmPattern, registerUser, saveDraft, verifyIdentity } from "@/lib/onboarding";
import type { RequestContext } from "@/lib/http/request-context";
import type { SessionClaims } from "@/lib/sessions/policy";
import { newPerson, STRONG_PATTERN, testContext } from "./people";

/**
 * A request context with an address no other test uses (from the IPv6 documentation range),
 * so per-IP rate limits never carry over between tests, files or runs on a shared database.
 */
export function loginContext(now = new Date(), ip = uniqueIp()): RequestContext {
  return { ip, userAgent: "jest", now };
}

export function uniqueIp(): string {
  return `2001:db8:${[0, 1, 2, 3].map(() => randomBytes(2).toString("hex")).join(":")}`;
}

/** A customer taken through the whole onboarding journey: active, with a matrix password. */
export async function onboardedUser(pattern: number[] = STRONG_PATTERN) {
  const person = newPerson();
  const registered = await registerUser(person, testContext());
  if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
  const token = registered.link.split("/start/")[1]!;
  const verified = await verifyIdentity(token, person, testContext());
  if (!verified.ok) throw new Error(JSON.stringify(verified));
  const draft = await saveDraft(verified.sessionId, pattern, new Date());
  if (!draft.ok) throw new Error(JSON.stringify(draft));
  const confirmed = await confirmPattern(verified.sessionId, testContext());
  if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
  return { person, userId: registered.userId, pattern };
}

/** The one-time code for a pending challenge, computed from the known pattern. */
export async function correctAnswer(
  challengeId: string,
  pattern: readonly number[] = STRONG_PATTERN,
  now = new Date(),
): Promise<string> {
  const challenge = await loadPendingChallenge(challengeId, now);
  if (!challenge) throw new Error("No pending challenge");
  return expectedAnswer(challenge.digits, pattern);
}

/** A code of the right length that is certainly wrong. */
export async function wrongAnswer(
  challengeId: string,
  pattern: readonly number[] = STRONG_PATTERN,
  now = new Date(),
): Promise<string> {
  const right = await correctAnswer(challengeId, pattern, now);
  return right.replace(/^./, (d) => String((Number(d) + 1) % 10));
}

/** Signs in through the real challenge, both steps from `context`: who answered, as Auth.js's authorize receives it. */
export async function signedInUser(
  email: string,
  pattern: readonly number[] = STRONG_PATTERN,
  context: RequestContext = loginContext(),
) {
  const { challengeId } = await issueChallenge(email, context);
  const result = await answerChallenge(challengeId, await correctAnswer(challengeId, pattern, context.now), context);
  if (!result.ok) throw new Error("sign-in failed");
  return result.user;
}

/** The claims auth.ts builds for a user who signed in at `at` (ms). */
export function claimsOf(user: Awaited<ReturnType<typeof signedInUser>>, at: number): SessionClaims {
  const { id, role, sessionVersion, sessionKey } = user;
  return { userId: id, role, sessionVersion, sessionKey, signedInAt: at, lastSeenAt: at, amr: user.amr };
}

/** Signs in at `at` (ms) and builds the claims exactly as auth.ts does. */
export async function signInClaims(
  email: string,
  pattern: readonly number[] = STRONG_PATTERN,
  at = Date.now(),
): Promise<SessionClaims> {
  return claimsOf(await signedInUser(email, pattern, loginContext(new Date(at))), at);
}
