import { getDb } from "@/db/client";
import { consumePendingSignIn, findPendingSignIn, insertPendingSignIn } from "@/db/queries/second-factor";
import { isUuid } from "@/db/ids";
import { generateToken, hashToken, isToken } from "@/lib/crypto";
import type { RequestContext } from "@/lib/http/request-context";
import { now as clockNow } from "@/lib/platform/clock";
import { minutesAfter, PENDING_SIGN_IN_MINUTES } from "./policy";

/**
 * The "matrix passed" state between the two steps of sign-in. The matrix step begins it and
 * hands the browser an opaque token for an httpOnly cookie (./cookie.ts); only the token's hash
 * is stored, so the row alone cannot be turned back into a cookie. It lives 5 minutes, and the
 * second step completes it once: then, and only then, a session is made.
 */

export type PendingSecondFactor = { userId: string; expiresAt: Date };

/** Starts the wait for the second factor of `userId`, who just answered the matrix. */
export async function beginSecondFactor(
  userId: string,
  context: RequestContext,
): Promise<{ token: string; expiresAt: Date }> {
  if (!isUuid(userId)) throw new TypeError("beginSecondFactor needs a user id");
  const token = generateToken();
  const expiresAt = minutesAfter(context.now, PENDING_SIGN_IN_MINUTES);
  await insertPendingSignIn(await getDb(), {
    tokenHash: hashToken(token),
    userId,
    ip: context.ip,
    userAgent: context.userAgent?.slice(0, 512) ?? null,
    createdAt: context.now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The pending sign-in behind a cookie's token, while it waits; reading it changes nothing. */
export async function pendingSecondFactor(token: unknown, at: Date = clockNow()): Promise<PendingSecondFactor | null> {
  if (!isToken(token)) return null;
  return (await findPendingSignIn(await getDb(), hashToken(token), at)) ?? null;
}

/**
 * Ends the wait once the second factor was proved: the user id, to the one caller that gets
 * there first (one UPDATE … WHERE consumed_at IS NULL AND expires_at > now RETURNING); null to
 * every other, and for an expired, completed or unknown token.
 */
export async function completeSecondFactor(token: unknown, at: Date = clockNow()): Promise<string | null> {
  if (!isToken(token)) return null;
  return (await consumePendingSignIn(await getDb(), hashToken(token), at)) ?? null;
}
