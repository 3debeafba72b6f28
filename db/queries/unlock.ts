import { and, eq, isNull, lt, or } from "drizzle-orm";
import { getDb, type Executor } from "../client";
import { unlockLinks, users } from "../schema";
import { recordFailedLinkVerification, usableLink } from "./link-verification";

/** Stores a new unlock link (its hash) after voiding the user's open ones: only the newest works. */
export async function insertUnlockLink(executor: Executor, values: { userId: string; tokenHash: string; expiresAt: Date; createdAt: Date }) {
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
export async function findUsableUnlockLink(tokenHash: string, now: Date) {
  const db = await getDb();
  const [row] = await db
    .select({ linkId: unlockLinks.id, userId: users.id, email: users.email, name: users.name, phone: users.phone })
    .from(unlockLinks)
    .innerJoin(users, eq(users.id, unlockLinks.userId))
    .where(and(eq(unlockLinks.tokenHash, tokenHash), usableLink(unlockLinks, now), eq(users.status, "active")))
    .limit(1);
  return row;
}

export function recordFailedUnlockVerification(linkId: string, limit: number, now: Date) {
  return recordFailedLinkVerification(unlockLinks, linkId, limit, now);
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
