import { getDb } from "@/db/client";
import { findCredentialsSealedWithOtherKeys, replaceSealedPattern } from "@/db/queries/credentials";
import { configuredKeyring, openPattern, sealPattern, type Keyring } from "@/lib/crypto";

const BATCH = 500;

export type ResealResult = { resealed: number; unreadable: number };

/**
 * The last step of a key rotation: seals every stored matrix password again under the current
 * key, so the previous key can be removed from PATTERN_KEYS_PREVIOUS. A credential that changed
 * meanwhile is left to its new value; one that no configured key opens is counted, not touched.
 */
export async function resealCredentials(keyring: Keyring = configuredKeyring()): Promise<ResealResult> {
  const result: ResealResult = { resealed: 0, unreadable: 0 };
  const skipped = new Set<string>();
  const db = await getDb();
  for (;;) {
    const rows = (await findCredentialsSealedWithOtherKeys(db, keyring.current.id, BATCH + skipped.size)).filter(
      (row) => !skipped.has(row.userId),
    );
    if (rows.length === 0) return result;
    for (const row of rows) {
      let pattern: number[];
      try {
        pattern = openPattern(row.sealedPattern, row.userId, keyring.all);
      } catch {
        result.unreadable += 1;
        skipped.add(row.userId);
        continue;
      }
      const sealedPattern = sealPattern(pattern, row.userId, keyring.current);
      if (
        await replaceSealedPattern(db, {
          userId: row.userId,
          previous: row.sealedPattern,
          sealedPattern,
          keyId: keyring.current.id,
        })
      )
        result.resealed += 1;
      else skipped.add(row.userId);
    }
  }
}
