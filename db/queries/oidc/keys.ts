import { desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { oidcSigningKeys } from "../../schema";

/** The keys still published: the current one and those retired after `retiredAfter`, current first. */
export async function findPublishedSigningKeys(executor: Executor, retiredAfter: Date) {
  return (
    executor
      .select({ kid: oidcSigningKeys.kid, sealedJwk: oidcSigningKeys.sealedJwk, current: oidcSigningKeys.current })
      .from(oidcSigningKeys)
      .where(or(isNull(oidcSigningKeys.retiredAt), gt(oidcSigningKeys.retiredAt, retiredAfter)))
      // NULLS LAST: PostgreSQL puts nulls (the retired keys) first in a descending order.
      .orderBy(sql`${oidcSigningKeys.current} desc nulls last`, desc(oidcSigningKeys.createdAt))
  );
}

/** Stores a new current key unless another instance got there first: false then. */
export async function insertCurrentSigningKey(
  executor: Executor,
  key: { kid: string; sealedJwk: string; now: Date },
): Promise<boolean> {
  const rows = await executor
    .insert(oidcSigningKeys)
    .values({ kid: key.kid, sealedJwk: key.sealedJwk, current: true, createdAt: key.now })
    .onConflictDoNothing()
    .returning({ kid: oidcSigningKeys.kid });
  return rows.length === 1;
}

/** Retires the current key (run in the transaction that inserts its successor). */
export async function retireCurrentSigningKey(executor: Executor, now: Date): Promise<string | null> {
  const [row] = await executor
    .update(oidcSigningKeys)
    .set({ current: null, retiredAt: now })
    .where(eq(oidcSigningKeys.current, true))
    .returning({ kid: oidcSigningKeys.kid });
  return row?.kid ?? null;
}
