import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "../client";
import { unlockLinks, users } from "../schema";
import { recordFailedLinkVerification, usableLink } from "./link-verification";
import { inLastingLock } from "./lockout";

/** Stores a new unlock link (its hash) after voiding the user's open ones: only the newest works. */
export async function insertUnlockLink(
  executor: Executor,
  values: { userId: string; tokenHash: string; expiresAt: Date; createdAt: Date },
) {
  await voidUnlockLinks(executor, values.userId, values.createdAt);
  await executor.insert(unlockLinks).values(values);
}

/** Voids every open unlock link of the user (after any unlock, a link has nothing left to do). */
export async function voidUnlockLinks(executor: Executor, userId: string, now: Date): Promise<void> {
  await executor
    .update(unlockLinks)
    .set({ voidedAt: now })
    .where(and(eq(unlockLinks.userId, userId), isNull(unlockLinks.consumedAt), isNull(unlockLinks.voidedAt)));
}

/** A usable link of an active account, with the identity it must be verified against. Read-only. */
export async function findUsableUnlockLink(executor: Executor, tokenHash: string, now: Date) {
  const [row] = await executor
    .select({ linkId: unlockLinks.id, userId: users.id, email: users.email, name: users.name, phone: users.phone })
    .from(unlockLinks)
    .innerJoin(users, eq(users.id, unlockLinks.userId))
    .where(and(eq(unlockLinks.tokenHash, tokenHash), usableLink(unlockLinks, now), eq(users.status, "active")))
    .limit(1);
  return row;
}

export function recordFailedUnlockVerification(executor: Executor, linkId: string, limit: number, now: Date) {
  return recordFailedLinkVerification(executor, unlockLinks, linkId, limit, now);
}

/** Uses the link up: of any number of concurrent uses exactly one gets its user id back. */
export async function consumeUnlockLink(executor: Executor, linkId: string, now: Date): Promise<string | undefined> {
  const [row] = await executor
    .update(unlockLinks)
    .set({ consumedAt: now })
    .where(and(eq(unlockLinks.id, linkId), usableLink(unlockLinks, now)))
    .returning({ userId: unlockLinks.userId });
  return row?.userId;
}

/** For the periodic purge: deletes links that expired, were used or were voided before `before`. */
export async function deleteEndedUnlockLinks(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(unlockLinks)
    .where(or(lt(unlockLinks.expiresAt, before), lt(unlockLinks.consumedAt, before), lt(unlockLinks.voidedAt, before)))
    .returning({ id: unlockLinks.id });
  return rows.length;
}

/**
 * For sending a fresh unlock link: the account, row-locked so concurrent attempts send one, when
 * it is active, still in the lasting lock and has had no link issued after `since`.
 */
export async function claimUnlockLinkRenewal(executor: Executor, userId: string, maxFailures: number, since: Date) {
  const [account] = await executor
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, "active"), inLastingLock(maxFailures)))
    .for("update");
  if (!account) return undefined;
  const [recent] = await executor
    .select({ id: unlockLinks.id })
    .from(unlockLinks)
    .where(and(eq(unlockLinks.userId, userId), gt(unlockLinks.createdAt, since)))
    .limit(1);
  return recent ? undefined : account;
}
