import { and, desc, eq, ne, notLike } from "drizzle-orm";
import type { Executor } from "../client";
import { matrixCredentials, patternHistory } from "../schema";
import { escapeLike } from "./sql";

/** Replaces the user's matrix password and remembers its sealed hash for the reuse rule. */
export async function storeCredential(
  executor: Executor,
  values: { userId: string; sealedPattern: string; keyId: string; length: number; patternHash: string; now: Date },
): Promise<void> {
  const { patternHash, now, ...credential } = values;
  await executor
    .insert(matrixCredentials)
    .values({ ...credential, createdAt: now })
    .onConflictDoUpdate({ target: matrixCredentials.userId, set: { ...credential, createdAt: now } });
  await executor.insert(patternHistory).values({ userId: values.userId, patternHash, createdAt: now });
}

export async function deleteCredential(executor: Executor, userId: string): Promise<void> {
  await executor.delete(matrixCredentials).where(eq(matrixCredentials.userId, userId));
}

/** The stored (sealed) hashes of the user's most recent patterns, newest first. */
export async function recentPatternHashes(executor: Executor, userId: string, count: number): Promise<string[]> {
  const rows = await executor
    .select({ hash: patternHistory.patternHash })
    .from(patternHistory)
    .where(eq(patternHistory.userId, userId))
    .orderBy(desc(patternHistory.createdAt), desc(patternHistory.id))
    .limit(count);
  return rows.map((row) => row.hash);
}

/** Up to `limit` credentials sealed under any key but `currentKeyId` (for key rotation). */
export async function findCredentialsSealedWithOtherKeys(executor: Executor, currentKeyId: string, limit: number) {
  return executor.select().from(matrixCredentials).where(ne(matrixCredentials.keyId, currentKeyId)).limit(limit);
}

/** Swaps one credential's sealed value, only if it is still the one that was read. */
export async function replaceSealedPattern(
  executor: Executor,
  values: { userId: string; previous: string; sealedPattern: string; keyId: string },
): Promise<boolean> {
  const rows = await executor
    .update(matrixCredentials)
    .set({ sealedPattern: values.sealedPattern, keyId: values.keyId })
    .where(and(eq(matrixCredentials.userId, values.userId), eq(matrixCredentials.sealedPattern, values.previous)))
    .returning({ userId: matrixCredentials.userId });
  return rows.length === 1;
}

/**
 * Up to `limit` pattern-history rows not yet sealed under `currentKeyId`: sealed under an older
 * key, or plain bcrypt hashes from before history rows were sealed.
 */
export async function findHistoryNotSealedWith(
  executor: Executor,
  currentKeyId: string,
  limit: number,
  exceptIds: readonly number[] = [],
) {
  const rows = await executor
    .select()
    .from(patternHistory)
    // Key ids may contain "_", a LIKE wildcard.
    .where(notLike(patternHistory.patternHash, `v1.${escapeLike(currentKeyId)}.%`))
    .orderBy(patternHistory.id)
    .limit(limit + exceptIds.length);
  return rows.filter((row) => !exceptIds.includes(row.id)).slice(0, limit);
}

/** Swaps one history row's stored hash, only if it is still the one that was read. */
export async function replaceHistoryHash(
  executor: Executor,
  values: { id: number; previous: string; patternHash: string },
): Promise<boolean> {
  const rows = await executor
    .update(patternHistory)
    .set({ patternHash: values.patternHash })
    .where(and(eq(patternHistory.id, values.id), eq(patternHistory.patternHash, values.previous)))
    .returning({ id: patternHistory.id });
  return rows.length === 1;
}
