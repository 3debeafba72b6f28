import { randomBytes, randomUUID } from "node:crypto";
import { countLock, countSignIn, type SignInOutcome } from "@/lib/metrics";
import { getDb, transaction } from "@/db/client";
import { recordFailure, recordSuccess, type CountedFailure } from "@/db/queries/lockout";
import { consumeChallenge, findSignInAccount } from "@/db/queries/login";
import { insertUserSession, markSessionAuthenticated } from "@/db/queries/user-sessions";
import type { ChallengePurpose, Role } from "@/db/schema";
import { afterResponse } from "@/lib/http/after-response";
import { recordAudit } from "@/lib/audit";
import { configuredKeyring, generateToken, hashToken, isToken, sealPattern } from "@/lib/crypto";
import { queueEmail, scheduleMailDispatch } from "@/lib/mail";
import { CELL_COUNT, generateChallengeDigits } from "@/lib/matrix";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import { isUuid } from "@/db/ids";
import type { RequestContext } from "@/lib/http/request-context";
import { hasAcceptedCurrentTerms, mustSetUpSecondFactor, type SignInMethod } from "@/lib/sessions/policy";
import { beginSecondFactor } from "@/lib/second-factor/pending-sign-in";
import { matches, typedCode } from "./code";
import { inLastingLock, isLocked, LOCK_POLICY, NO_USER_ID } from "./policy";
import { renewUnlockLink, sendUnlockLink } from "./unlock-link";

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  /** The random key of the session row this sign-in opened: it goes into the session token only. */
  sessionKey: string;
  locale: string;
  /** Whether the current terms are accepted, read in the sign-in's own statement. */
  termsAccepted: boolean;
  /** What the sign-in proved (see SignInMethod). */
  amr: SignInMethod[];
  /** The policy asks this user for a second factor and they signed in without one: its setup comes first. */
  secondFactorSetupNeeded: boolean;
};
/**
 * A right matrix answer signs in, or, for a user with a second factor, only opens the second
 * step: `secondFactor` is the pending sign-in's token for the browser's cookie (nobody is
 * signed in yet and the failure counter is left alone until the second step is passed too).
 */
export type AnswerResult =
  { ok: true; user: SignedInUser } | { ok: false; secondFactor?: { token: string; expiresAt: Date } };

/** Why an answer failed: for the audit log only, never for the person answering. */
export type FailureReason =
  | "unknown-challenge" // unknown id, already answered, or expired
  | "rate-limited"
  | "decoy"
  | "inactive"
  | "locked"
  | "credential-error"
  | "malformed"
  | "wrong-code"
  | "wrong-second-factor"; // a wrong authentication or recovery code at the second step

// Decoy paths open and compare this throwaway pattern, so they cost what a real check costs.
const DECOY_USER_ID = randomUUID();
const DECOY_PATTERN = Array.from({ length: 12 }, (_, i) => (randomBytes(1)[0]! + i * 7) % CELL_COUNT);
const DECOY_SEALED = sealPattern(DECOY_PATTERN, DECOY_USER_ID, configuredKeyring().current);
const DECOY_DIGITS = generateChallengeDigits(randomBytes);

const FAILED: AnswerResult = Object.freeze({ ok: false });

/**
 * Answers a sign-in challenge. Every failure (unknown, expired or answered challenge, decoy,
 * locked or disabled account, wrong or malformed code, rate limit) gives the same `{ ok: false }`
 * after the same queries. The challenge is consumed first, atomically, so it is answered at
 * most once. Locked and inactive accounts fail without their code being checked or counted.
 */
export async function answerChallenge(
  challengeId: string,
  answer: string,
  context: RequestContext,
): Promise<AnswerResult> {
  const account = await checkAnswer(challengeId, answer, context, "sign_in");
  if (account === null) return FAILED;
  if (account.hasSecondFactor) return { ok: false, secondFactor: await beginSecondFactor(account.id, context) };
  return completeSignIn(account.id, ["matrix"], context);
}

/**
 * Signs in a user who passed every step (`amr`): counters reset, audited, a session row made.
 * A concurrent failure may have locked the account, or it was disabled meanwhile: then nobody.
 */
export async function completeSignIn(
  userId: string,
  amr: SignInMethod[],
  context: RequestContext,
): Promise<AnswerResult> {
  const user = await signIn(userId, amr, context);
  if (user) return { ok: true, user };
  await fail(NO_USER_ID, userId, "locked", context);
  return FAILED;
}

/**
 * Answers a re-authentication challenge of a signed-in user (before a sensitive change). It is
 * checked, counted and locked exactly like a sign-in, but signs nobody in: it records the time
 * on the session it was answered in (`sessionId`), which the 15-minute rule reads.
 */
export async function answerReauthentication(
  challengeId: string,
  answer: string,
  session: { userId: string; sessionId: string },
  context: RequestContext,
): Promise<boolean> {
  const { userId, sessionId } = session;
  const account = await checkAnswer(challengeId, answer, context, "reauthenticate");
  if (account?.id !== userId || !isUuid(sessionId)) return false;
  return transaction(async (tx) => {
    if (!(await markSessionAuthenticated(tx, sessionId, userId, context.now))) return false;
    await recordAudit(
      { event: "account.reauthenticated", actorId: userId, subjectId: userId, outcome: "success" },
      context,
      tx,
    );
    return true;
  });
}

/** The shared check: the account when the code is right, null (after recording why) otherwise. */
async function checkAnswer(
  challengeId: string,
  answer: string,
  context: RequestContext,
  purpose: ChallengePurpose,
): Promise<{ id: string; hasSecondFactor: boolean } | null> {
  const { now } = context;
  const db = await getDb();
  // A malformed id still runs the consuming query (matching nothing): no shortcut to time.
  const [challenge, withinLimit] = await Promise.all([
    consumeChallenge(db, hashToken(isToken(challengeId) ? challengeId : ""), now, purpose),
    consumeRateLimit(RATE_LIMITS.loginAnswerPerIp, context.ip, now),
  ]);
  const account = await findSignInAccount(db, challenge?.userId ?? NO_USER_ID);
  const typed = typedCode(answer);

  let reason: FailureReason | null = null;
  if (!challenge) reason = "unknown-challenge";
  else if (!withinLimit) reason = "rate-limited";
  else if (!challenge.userId) reason = "decoy";
  else if (!account || account.status !== "active" || !account.sealedPattern) reason = "inactive";
  else if (isLocked(account, now)) reason = "locked";

  const digits = challenge?.digits ?? DECOY_DIGITS;
  if (reason === null && account?.sealedPattern) {
    try {
      if (matches(account.sealedPattern, account.id, digits, typed ?? "")) return account;
      reason = typed === null ? "malformed" : "wrong-code";
    } catch {
      // A pattern that cannot be opened (missing key, damaged row) is not the user's failure.
      reason = "credential-error";
    }
  } else {
    matches(DECOY_SEALED, DECOY_USER_ID, digits, typed ?? "");
  }

  const counts = reason === "wrong-code" || reason === "malformed";
  if (reason === "locked" && inLastingLock(account!)) await afterResponse(() => renewUnlockLink(account!.id, context));
  await fail(counts ? account!.id : NO_USER_ID, challenge?.userId ?? null, reason ?? "wrong-code", context);
  return null;
}

async function signIn(userId: string, amr: SignInMethod[], context: RequestContext): Promise<SignedInUser | undefined> {
  return transaction(async (tx) => {
    const row = await recordSuccess(tx, userId, { now: context.now, ip: context.ip, policy: LOCK_POLICY });
    if (!row) return undefined;
    countSignIn("success");
    await recordAudit(
      {
        event: "login.succeeded",
        actorId: row.id,
        subjectId: row.id,
        outcome: "success",
        details: { amr: amr.join(" ") },
      },
      context,
      tx,
    );
    const sessionKey = generateToken();
    await insertUserSession(tx, {
      keyHash: hashToken(sessionKey),
      userId: row.id,
      sessionVersion: row.sessionVersion,
      ip: context.ip,
      userAgent: context.userAgent,
      now: context.now,
    });
    const { acceptedTermsVersion, currentTermsVersion, secondFactorRequirement, ...user } = row;
    return {
      ...user,
      sessionKey,
      amr,
      termsAccepted: hasAcceptedCurrentTerms({ acceptedTermsVersion, currentTermsVersion }),
      // The session's own rule; a sign-in that passed a second step had a factor.
      secondFactorSetupNeeded: mustSetUpSecondFactor({
        role: user.role,
        secondFactorRequirement,
        hasSecondFactor: amr.length > 1,
      }),
    };
  });
}

/** The metric's word for each failure (lib/metrics): a malformed answer is a wrong one. */
const SIGN_IN_OUTCOME: Record<FailureReason, SignInOutcome> = {
  "unknown-challenge": "unknown_challenge",
  "rate-limited": "rate_limited",
  decoy: "decoy",
  inactive: "inactive",
  locked: "locked",
  "credential-error": "credential_error",
  malformed: "wrong_code",
  "wrong-code": "wrong_code",
  "wrong-second-factor": "second_factor",
};

/**
 * Records a failed answer. `countedUserId` is the account whose counters the failure counts
 * against (NO_USER_ID when it counts against nobody: the UPDATE then matches no row). The
 * failure that locks the account, and only that one, then announces the lock; that runs after
 * the response, so the locking answer takes as long as any other wrong one and its timing
 * does not tell an attacker that the account is now locked.
 */
export async function fail(
  countedUserId: string,
  subjectId: string | null,
  reason: FailureReason,
  context: RequestContext,
): Promise<void> {
  countSignIn(SIGN_IN_OUTCOME[reason]);
  const counted = await transaction(async (tx) => {
    const counted = await recordFailure(tx, countedUserId, { now: context.now, policy: LOCK_POLICY });
    await recordAudit(
      {
        event: "login.failed",
        outcome: "failure",
        subjectId,
        details: { reason, ...(counted ? { consecutiveFailures: counted.consecutiveFailures } : {}) },
      },
      context,
      tx,
    );
    return counted;
  });
  if (counted?.lockedNow) await afterResponse(() => announceLock(counted, context));
}

/**
 * Audits the lock and emails the owner. The lasting lock's email carries a single-use unlock
 * link, so the owner can get back in even while someone keeps locking the account.
 */
async function announceLock(counted: CountedFailure, context: RequestContext): Promise<void> {
  const unlocksAt = counted.needsOperator || !counted.lockedUntil ? null : counted.lockedUntil.toISOString();
  await transaction(async (tx) => {
    if (counted.needsOperator) await sendUnlockLink(tx, counted, context);
    else {
      const props = { name: counted.name, unlocksAt, timeZone: counted.timeZone };
      await queueEmail(tx, { to: counted.email, template: "account-locked", locale: counted.locale, props });
    }
    await recordAudit(
      {
        event: "login.locked",
        outcome: "info",
        subjectId: counted.userId,
        details: { until: unlocksAt, lockCount: counted.lockCount, needsOperator: counted.needsOperator },
      },
      context,
      tx,
    );
  });
  countLock();
  await scheduleMailDispatch();
}
