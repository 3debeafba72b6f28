import { and, eq, not, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { users } from "../schema";
import { ts } from "./sql";
import { currentTermsVersion } from "./terms";

/**
 * Per-account brute-force counters. Every change is one atomic UPDATE … RETURNING, so
 * concurrent attempts never lose a count and exactly one of them sees the lock it caused.
 */

export type LockPolicy = {
  /** Consecutive failures per timed lock. */
  threshold: number;
  /** Length of the first timed lock; each further lock doubles it ... */
  firstLockMinutes: number;
  /** ... up to this cap. */
  maxLockMinutes: number;
  /** Consecutive failures (no sign-in or unlock between them) at which sign-in stops for good. */
  maxFailures: number;
};

const int = (value: number) => sql`${Math.trunc(value)}::int`;

/** In the lasting lock: `maxFailures` failures since the last unlock (lib/login/policy.ts inLastingLock). */
export function inLastingLock(maxFailures: number): SQL {
  return sql`${users.failuresSinceUnlock} >= ${int(maxFailures)}`;
}

/**
 * Locked at `now`: a timed lock that has not ended, or the lasting lock (lib/login/policy.ts
 * isLocked). Never null (a null locked_until is "not locked"), so `not` keeps unlocked rows.
 */
export function lockedAt(now: Date, maxFailures: number): SQL {
  return sql`((${users.lockedUntil} is not null and ${users.lockedUntil} > ${ts(now)}) or ${inLastingLock(maxFailures)})`;
}

/** The account may try to sign in: active and not locked. */
function openForSignIn(userId: string, now: Date, policy: LockPolicy) {
  return and(eq(users.id, userId), eq(users.status, "active"), not(lockedAt(now, policy.maxFailures)));
}

export type CountedFailure = {
  userId: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  consecutiveFailures: number;
  failuresSinceUnlock: number;
  lockCount: number;
  lockedUntil: Date | null;
  /** This failure locked the account (timed or until an operator unlocks it). */
  lockedNow: boolean;
  /** This failure reached the total that only an operator can clear. */
  needsOperator: boolean;
};

/**
 * Counts one wrong answer. Each multiple of `threshold` consecutive failures starts a lock of
 * min(maxLockMinutes, firstLockMinutes × 2^lockCount). Accounts that are locked, inactive or
 * unknown are not counted: the result is then undefined.
 */
export async function recordFailure(
  executor: Executor,
  userId: string,
  options: { now: Date; policy: LockPolicy },
): Promise<CountedFailure | undefined> {
  const { now, policy } = options;
  const locks = sql`((${users.consecutiveFailures} + 1) % ${int(policy.threshold)} = 0)`;
  const minutes = sql`least(${int(policy.maxLockMinutes)}, ${int(policy.firstLockMinutes)} * power(2, least(${users.lockCount}, 20))::int)`;
  const [row] = await executor
    .update(users)
    .set({
      consecutiveFailures: sql`${users.consecutiveFailures} + 1`,
      failuresSinceUnlock: sql`${users.failuresSinceUnlock} + 1`,
      failedSinceLastSignIn: sql`${users.failedSinceLastSignIn} + 1`,
      lockCount: sql`case when ${locks} then ${users.lockCount} + 1 else ${users.lockCount} end`,
      lockedUntil: sql`case when ${locks} then ${ts(now)} + make_interval(mins => ${minutes}) else ${users.lockedUntil} end`,
      updatedAt: now,
    })
    .where(openForSignIn(userId, now, policy))
    .returning({
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      timeZone: users.timeZone,
      consecutiveFailures: users.consecutiveFailures,
      failuresSinceUnlock: users.failuresSinceUnlock,
      lockCount: users.lockCount,
      lockedUntil: users.lockedUntil,
    });
  if (!row) return undefined;
  // The WHERE admitted only an unlocked account, so any lock visible now is this failure's.
  const needsOperator = row.failuresSinceUnlock >= policy.maxFailures;
  const timed = row.consecutiveFailures % policy.threshold === 0;
  return { ...row, lockedNow: needsOperator || timed, needsOperator };
}

/**
 * Records a successful sign-in: clears the failure counts and the lock ladder and stamps
 * the time and IP. Refuses (undefined) if the account locked or left "active" meanwhile.
 * failures_since_unlock is cleared too: the lasting lock is for 100 *consecutive* failures
 * (NIST 800-63B), so typos between successful sign-ins never add up to it.
 */
export async function recordSuccess(
  executor: Executor,
  userId: string,
  options: { now: Date; ip: string | null; policy: LockPolicy },
) {
  const { now, ip, policy } = options;
  const [row] = await executor
    .update(users)
    .set({
      consecutiveFailures: 0,
      failuresSinceUnlock: 0,
      lockCount: 0,
      lockedUntil: null,
      failedSinceLastSignIn: 0,
      lastSignInAt: now,
      lastSignInIp: ip,
      updatedAt: now,
    })
    .where(openForSignIn(userId, now, policy))
    .returning({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      sessionVersion: users.sessionVersion,
      locale: users.locale,
      acceptedTermsVersion: users.acceptedTermsVersion,
      currentTermsVersion: currentTermsVersion,
      secondFactorRequirement: users.secondFactorRequirement,
    });
  return row;
}

/**
 * An unlock: clears every lockout counter. False when the user does not exist, or with
 * `activeOnly` when the account is not active (a self-service unlock never touches a disabled one).
 */
export async function unlockUser(
  executor: Executor,
  userId: string,
  now: Date,
  options: { activeOnly?: boolean } = {},
): Promise<boolean> {
  const rows = await executor
    .update(users)
    .set({ consecutiveFailures: 0, failuresSinceUnlock: 0, lockCount: 0, lockedUntil: null, updatedAt: now })
    .where(options.activeOnly ? and(eq(users.id, userId), eq(users.status, "active")) : eq(users.id, userId))
    .returning({ id: users.id });
  return rows.length === 1;
}
