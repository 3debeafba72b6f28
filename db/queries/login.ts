import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { loginChallenges, matrixCredentials, users, type ChallengePurpose } from "../schema";
import { hasSecondFactorSql } from "./second-factor/methods";

/**
 * All SQL for sign-in challenges and the accounts they are answered for. Times come in as
 * arguments (never the database's now()) so callers and tests run on an injected clock.
 */

/**
 * The account behind an email address as sign-in needs it. Every email entry runs exactly this
 * one query, whatever the address, so known and unknown addresses cost the same.
 */
export async function findSignInAccountByEmail(executor: Executor, email: string) {
  const [row] = await executor
    .select({
      id: users.id,
      status: users.status,
      hasCredential: sql<boolean>`${matrixCredentials.userId} is not null`,
    })
    .from(users)
    .leftJoin(matrixCredentials, eq(matrixCredentials.userId, users.id))
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row;
}

/** The account a challenge is bound to, with its lock state, sealed pattern and whether a second step follows. */
export async function findSignInAccount(executor: Executor, userId: string) {
  const [row] = await executor
    .select({
      id: users.id,
      status: users.status,
      lockedUntil: users.lockedUntil,
      failuresSinceUnlock: users.failuresSinceUnlock,
      sealedPattern: matrixCredentials.sealedPattern,
      hasSecondFactor: hasSecondFactorSql(users.id),
    })
    .from(users)
    .leftJoin(matrixCredentials, eq(matrixCredentials.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export async function insertChallenge(
  executor: Executor,
  values: {
    idHash: string;
    userId: string | null;
    digits: string;
    ip: string | null;
    createdAt: Date;
    expiresAt: Date;
    purpose?: ChallengePurpose;
  },
): Promise<void> {
  await executor.insert(loginChallenges).values({ purpose: "sign_in", ...values });
}

/** Marks a pending challenge answered without answering it (a new email entry replaces it). */
export async function voidChallenge(executor: Executor, idHash: string, now: Date): Promise<void> {
  await executor
    .update(loginChallenges)
    .set({ consumedAt: now })
    .where(and(eq(loginChallenges.idHash, idHash), isNull(loginChallenges.consumedAt)));
}

const pendingChallenge = (idHash: string, now: Date, purpose: ChallengePurpose) =>
  and(
    eq(loginChallenges.idHash, idHash),
    eq(loginChallenges.purpose, purpose),
    isNull(loginChallenges.consumedAt),
    gt(loginChallenges.expiresAt, now),
  );

/** A challenge that can still be answered, for drawing its grid. Read-only. */
export async function findPendingChallenge(
  executor: Executor,
  idHash: string,
  now: Date,
  purpose: ChallengePurpose = "sign_in",
) {
  const [row] = await executor
    .select({ digits: loginChallenges.digits, expiresAt: loginChallenges.expiresAt })
    .from(loginChallenges)
    .where(pendingChallenge(idHash, now, purpose))
    .limit(1);
  return row;
}

/**
 * Consumes a pending challenge in one atomic UPDATE: of any number of concurrent answers to
 * one challenge exactly one gets the row back.
 */
export async function consumeChallenge(
  executor: Executor,
  idHash: string,
  now: Date,
  purpose: ChallengePurpose = "sign_in",
) {
  const [row] = await executor
    .update(loginChallenges)
    .set({ consumedAt: now })
    .where(pendingChallenge(idHash, now, purpose))
    .returning({ userId: loginChallenges.userId, digits: loginChallenges.digits });
  return row;
}

/** Deletes challenges that expired before `before`, answered or not. */
export async function deleteExpiredChallenges(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(loginChallenges)
    .where(lt(loginChallenges.expiresAt, before))
    .returning({ idHash: loginChallenges.idHash });
  return rows.length;
}

// Key space of the per-address lock below (the two-integer form never meets db/migrate.ts's lock).
const CHALLENGE_IP_LOCK = 724_002;

/**
 * Deletes the pending sign-in challenges issued to one client address (bound or decoy alike).
 * Call it in a transaction: it holds a lock on the address until the end, so concurrent entries
 * from the address cannot each keep the row they are about to insert.
 */
export async function deletePendingSignInChallengesFrom(
  executor: Executor,
  ip: string | null,
  now: Date,
): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(${CHALLENGE_IP_LOCK}, hashtext(${ip ?? ""}))`);
  await executor
    .delete(loginChallenges)
    .where(
      and(
        ip === null ? isNull(loginChallenges.ip) : eq(loginChallenges.ip, ip),
        eq(loginChallenges.purpose, "sign_in"),
        isNull(loginChallenges.consumedAt),
        gt(loginChallenges.expiresAt, now),
      ),
    );
}
