import { and, count, countDistinct, eq, isNull, ne, or } from "drizzle-orm";
import type { Executor } from "../../client";
import { recoveryCodes } from "../../schema";

/** Recovery codes: only keyed hashes. Using one is a single atomic UPDATE … WHERE used_at IS NULL. */

export type StoredRecoveryCode = { keyId: string; codeHash: string };

/**
 * Replaces every code of the user with a new batch: the older batch, used or not, is deleted.
 * Call it with the user's row locked (lockSecondFactorOwner), so two regenerations never both
 * leave a batch behind.
 */
export async function replaceRecoveryCodes(
  executor: Executor,
  values: { userId: string; batchId: string; codes: StoredRecoveryCode[]; now: Date },
): Promise<void> {
  const { userId, batchId, codes, now } = values;
  await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await executor.insert(recoveryCodes).values(codes.map((code) => ({ userId, batchId, ...code, createdAt: now })));
}

/**
 * Uses up the unused code matching one of the candidate hashes (one per key of the keyring).
 * Of any number of concurrent uses of one code exactly one gets true.
 */
export async function consumeRecoveryCode(
  executor: Executor,
  userId: string,
  candidates: StoredRecoveryCode[],
  now: Date,
): Promise<boolean> {
  if (candidates.length === 0) return false;
  const matching = or(
    ...candidates.map((c) => and(eq(recoveryCodes.keyId, c.keyId), eq(recoveryCodes.codeHash, c.codeHash))),
  );
  const rows = await executor
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt), matching))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(executor: Executor, userId: string): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

export async function deleteRecoveryCodes(executor: Executor, userId: string): Promise<number> {
  const rows = await executor
    .delete(recoveryCodes)
    .where(eq(recoveryCodes.userId, userId))
    .returning({ id: recoveryCodes.id });
  return rows.length;
}

/** How many users have unused codes hashed under another key than `currentKeyId`. */
export async function countUsersWithRecoveryCodesUnderOtherKeys(executor: Executor, currentKeyId: string) {
  const [row] = await executor
    .select({ n: countDistinct(recoveryCodes.userId) })
    .from(recoveryCodes)
    .where(and(ne(recoveryCodes.keyId, currentKeyId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}
