import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Executor } from "../../client";
import { pendingSignIns, webauthnChallenges, type WebauthnPurpose } from "../../schema";

/**
 * The two short-lived, single-use states of the second factor: WebAuthn challenges and sign-ins
 * waiting for their second step. Each is consumed by one UPDATE … WHERE consumed_at IS NULL AND
 * expires_at > now RETURNING, so of any number of concurrent uses exactly one gets the row.
 */

export async function insertWebauthnChallenge(
  executor: Executor,
  values: { challengeHash: string; userId: string; purpose: WebauthnPurpose; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await executor.insert(webauthnChallenges).values(values);
}

export async function consumeWebauthnChallenge(
  executor: Executor,
  values: { challengeHash: string; userId: string; purpose: WebauthnPurpose; now: Date },
): Promise<boolean> {
  const rows = await executor
    .update(webauthnChallenges)
    .set({ consumedAt: values.now })
    .where(
      and(
        eq(webauthnChallenges.challengeHash, values.challengeHash),
        eq(webauthnChallenges.userId, values.userId),
        eq(webauthnChallenges.purpose, values.purpose),
        isNull(webauthnChallenges.consumedAt),
        gt(webauthnChallenges.expiresAt, values.now),
      ),
    )
    .returning({ userId: webauthnChallenges.userId });
  return rows.length === 1;
}

export async function insertPendingSignIn(
  executor: Executor,
  values: {
    tokenHash: string;
    userId: string;
    ip: string | null;
    userAgent: string | null;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await executor.insert(pendingSignIns).values(values);
}

const usablePendingSignIn = (tokenHash: string, now: Date) =>
  and(eq(pendingSignIns.tokenHash, tokenHash), isNull(pendingSignIns.consumedAt), gt(pendingSignIns.expiresAt, now));

/** A sign-in still waiting for its second step. Read-only. */
export async function findPendingSignIn(executor: Executor, tokenHash: string, now: Date) {
  const [row] = await executor
    .select({ userId: pendingSignIns.userId, expiresAt: pendingSignIns.expiresAt })
    .from(pendingSignIns)
    .where(usablePendingSignIn(tokenHash, now))
    .limit(1);
  return row;
}

export async function consumePendingSignIn(executor: Executor, tokenHash: string, now: Date) {
  const [row] = await executor
    .update(pendingSignIns)
    .set({ consumedAt: now })
    .where(usablePendingSignIn(tokenHash, now))
    .returning({ userId: pendingSignIns.userId });
  return row?.userId;
}

/** For the periodic purge: WebAuthn challenges that expired before `before`, answered or not. */
export async function deleteExpiredWebauthnChallenges(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(webauthnChallenges)
    .where(lt(webauthnChallenges.expiresAt, before))
    .returning({ userId: webauthnChallenges.userId });
  return rows.length;
}

/** For the periodic purge: pending sign-ins that expired before `before`, completed or not. */
export async function deleteExpiredPendingSignIns(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(pendingSignIns)
    .where(lt(pendingSignIns.expiresAt, before))
    .returning({ userId: pendingSignIns.userId });
  return rows.length;
}
