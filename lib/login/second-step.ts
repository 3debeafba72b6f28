import { getDb } from "@/db/client";
import { findSignInAccount } from "@/db/queries/login";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import type { RequestContext } from "@/lib/http/request-context";
import { SealError } from "@/lib/crypto";
import { completeSecondFactor, pendingSecondFactor } from "@/lib/second-factor/pending-sign-in";
import { redeemRecoveryCode } from "@/lib/second-factor/recovery-codes";
import { verifyTotp } from "@/lib/second-factor/authenticator-app";
import { verifyPasskeyAuthentication } from "@/lib/second-factor/passkey-authentication";
import { parseWebauthnResponse } from "@/lib/second-factor/webauthn";
import type { SignInMethod } from "@/lib/sessions/policy";
import { completeSignIn, fail, type AnswerResult, type FailureReason } from "./answer";
import { isLocked, NO_USER_ID } from "./policy";

/**
 * The second step's answers: a code from the app or a recovery code (both work without
 * JavaScript), or a passkey's assertion (the browser's JSON, as text).
 */
export type SecondFactorAnswer = { method: "totp" | "recovery-code" | "passkey"; code: string };

/**
 * The second step's outcome. `retry`: the pending sign-in still waits (a wrong code, counted);
 * `restart`: it is gone (expired, used, account locked or disabled) and the matrix comes first again.
 */
export type SecondStepResult = AnswerResult | { ok: false; restart: boolean };

const checks: Record<
  SecondFactorAnswer["method"],
  (userId: string, code: string, context: RequestContext) => Promise<boolean>
> = {
  totp: (userId, code, context) => verifyTotp(userId, code, context.now),
  "recovery-code": (userId, code, context) => redeemRecoveryCode(userId, code, context),
  passkey: (userId, code, context) => verifyPasskeyAuthentication(userId, parseWebauthnResponse(code), context.now),
};

/**
 * Answers the second step of the sign-in behind `token` (the browser's pending-sign-in cookie).
 * A wrong code counts toward the same lockout as a wrong matrix code; the right one ends the
 * pending state (once: of racing right answers exactly one signs in) and makes the session,
 * with `amr` saying which method was used.
 */
export async function answerSecondFactor(
  token: string | null,
  answer: SecondFactorAnswer,
  context: RequestContext,
): Promise<SecondStepResult> {
  const pending = await pendingSecondFactor(token, context.now);
  if (!pending) return { ok: false, restart: true };
  const { userId } = pending;
  const [account, withinLimit] = await Promise.all([
    findSignInAccount(await getDb(), userId),
    consumeRateLimit(RATE_LIMITS.loginAnswerPerIp, context.ip, context.now),
  ]);
  let reason: FailureReason | null = null;
  if (!account || account.status !== "active") reason = "inactive";
  else if (isLocked(account, context.now)) reason = "locked";
  else if (!withinLimit) reason = "rate-limited";
  if (reason !== null) {
    await fail(NO_USER_ID, userId, reason, context);
    if (reason === "rate-limited") return { ok: false, restart: false };
    await completeSecondFactor(token, context.now); // void it: a lock or a disabled account ends this sign-in
    return { ok: false, restart: true };
  }
  const verdict = await check(userId, answer, context);
  if (verdict !== "right") {
    // A secret no configured key opens is the portal's fault, not a wrong code to count.
    await fail(
      verdict === "wrong" ? userId : NO_USER_ID,
      userId,
      verdict === "wrong" ? "wrong-second-factor" : "credential-error",
      context,
    );
    return { ok: false, restart: false };
  }
  if ((await completeSecondFactor(token, context.now)) !== userId) return { ok: false, restart: true };
  const method: SignInMethod = answer.method;
  return completeSignIn(userId, ["matrix", method], context);
}

async function check(userId: string, { method, code }: SecondFactorAnswer, context: RequestContext) {
  try {
    return (await checks[method](userId, code, context)) ? "right" : "wrong";
  } catch (error) {
    if (error instanceof SealError) return "unreadable";
    throw error;
  }
}
