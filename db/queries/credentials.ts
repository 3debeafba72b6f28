import { and, desc, eq, ne } from "drizzle-orm";
import { getDb, type Executor } from "../client";
import { matrixCredentials, patternHistory } from "../schema";

export async function findCredential(userId: string, executor?: Executor) {
  const db = executor ?? (await getDb());
  const [row] = await db.select().from(matrixCredentials).where(eq(matrixCredentials.userId, userId)).limit(1);
  return row;
}

/** Replaces the user's matrix password and remembers its hash for the reuse rule. */
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

/** bcrypt hashes of the user's most recent patterns, newest first. */
export async function recentPatternHashes(userId: string, count: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ hash: patternHistory.patternHash })
    .from(patternHistory)
    .where(eq(patternHistory.userId, userId))
    .orderBy(desc(patternHistory.createdAt), desc(patternHistory.id))
    .limit(count);
  return rows.map((row) => row.hash);
}

/** Up to `limit` credentials sealed under any key but `currentKeyId` (for key rotation). */
export async function findCredentialsSealedWithOtherKeys(currentKeyId: string, limit: number) {
  const db = await getDb();
  return db.select().from(matrixCredentials).where(ne(matrixCredentials.keyId, currentKeyId)).limit(limit);
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
