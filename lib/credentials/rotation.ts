import { getDb, type Executor } from "@/db/client";
import { findCredentialsSealedWithOtherKeys, replaceSealedPattern } from "@/db/queries/credentials";
import { configuredKeyring, openPattern, sealPattern, type Keyring } from "@/lib/crypto";

const BATCH = 500;

export type ResealResult = { resealed: number; unreadable: number };

/**
 * One kind of sealed row in a key rotation: how to find rows under another key, open one (it
 * throws when no configured key can), and write it sealed again (false when the row changed
 * meanwhile, so its new value is left alone).
 */
export type SealedRows<Row extends { userId: string }, Value> = {
  find(db: Executor, limit: number): Promise<Row[]>;
  open(row: Row): Value;
  replace(db: Executor, row: Row, value: Value): Promise<boolean>;
};

/**
 * Reseals rows in batches until none is left under another key. A row no key opens is counted
 * as unreadable and skipped, as is one that changed meanwhile, so the loop always ends.
 */
export async function resealRows<Row extends { userId: string }, Value>(
  rows: SealedRows<Row, Value>,
): Promise<ResealResult> {
  const result: ResealResult = { resealed: 0, unreadable: 0 };
  const skipped = new Set<string>();
  const db = await getDb();
  for (;;) {
    const batch = (await rows.find(db, BATCH + skipped.size)).filter((row) => !skipped.has(row.userId));
    if (batch.length === 0) return result;
    for (const row of batch) {
      let value: Value;
      try {
        value = rows.open(row);
      } catch {
        result.unreadable += 1;
        skipped.add(row.userId);
        continue;
      }
      if (await rows.replace(db, row, value)) result.resealed += 1;
      else skipped.add(row.userId);
    }
  }
}

/**
 * The last step of a key rotation: seals every stored matrix password again under the current
 * key, so the previous key can be removed from PATTERN_KEYS_PREVIOUS.
 */
export function resealCredentials(keyring: Keyring = configuredKeyring()): Promise<ResealResult> {
  return resealRows({
    find: (db, limit) => findCredentialsSealedWithOtherKeys(db, keyring.current.id, limit),
    open: (row) => openPattern(row.sealedPattern, row.userId, keyring.all),
    replace: (db, row, pattern) =>
      replaceSealedPattern(db, {
        userId: row.userId,
        previous: row.sealedPattern,
        sealedPattern: sealPattern(pattern, row.userId, keyring.current),
        keyId: keyring.current.id,
      }),
  });
}
