import type { LockPolicy } from "@/db/queries/lockout";

/** A challenge can be answered for this long after it was issued. */
export const CHALLENGE_MINUTES = 5;
/** Consecutive wrong answers per timed lock. */
export const LOCK_THRESHOLD = 5;
/** The first timed lock; each further one doubles ... */
export const FIRST_LOCK_MINUTES = 1;
/** ... up to this cap. */
export const MAX_LOCK_MINUTES = 15;
/** Consecutive wrong answers after which sign-in stops until an unlock (emailed link, operator, CLI). */
export const MAX_FAILURES_BEFORE_OPERATOR = 100;

export const LOCK_POLICY: LockPolicy = Object.freeze({
  threshold: LOCK_THRESHOLD,
  firstLockMinutes: FIRST_LOCK_MINUTES,
  maxLockMinutes: MAX_LOCK_MINUTES,
  maxFailures: MAX_FAILURES_BEFORE_OPERATOR,
});

/** Length of the lock that the `lockCount`-th earlier lock leads to (0 for the first). */
export function lockMinutes(lockCount: number): number {
  return Math.min(MAX_LOCK_MINUTES, FIRST_LOCK_MINUTES * 2 ** Math.min(lockCount, 20));
}

export type LockState = { lockedUntil: Date | null; failuresSinceUnlock: number };

/** Whether an account is in the lasting lock: only an unlock link, an operator or the CLI lifts it. */
export function inLastingLock(state: Pick<LockState, "failuresSinceUnlock">): boolean {
  return state.failuresSinceUnlock >= MAX_FAILURES_BEFORE_OPERATOR;
}

/** Whether an account is locked at `now`: a timed lock, or the lasting lock. */
export function isLocked(state: LockState, now: Date): boolean {
  return inLastingLock(state) || (state.lockedUntil !== null && state.lockedUntil > now);
}

/** Stands in for "no user" in queries that must run on every path but match nothing. */
export const NO_USER_ID = "00000000-0000-0000-0000-000000000000";
