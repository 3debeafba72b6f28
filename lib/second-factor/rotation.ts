import { getDb } from "@/db/client";
import {
  countUsersWithRecoveryCodesUnderOtherKeys,
  findAuthenticatorAppsSealedWithOtherKeys,
  replaceSealedSecret,
} from "@/db/queries/second-factor";
import { configuredKeyring, type Keyring } from "@/lib/crypto";
import { openSecret, sealSecret } from "./authenticator-app";

const BATCH = 500;

export type SecondFactorResealResult = {
  resealed: number;
  unreadable: number;
  /** Users whose unused recovery codes were hashed under an older key (a hash cannot be redone). */
  recoveryCodesOnOlderKeys: number;
};

/**
 * The second factor's part of a key rotation (`npm run keys:reseal`): every authenticator app's
 * secret is sealed again under the current key, as the matrix passwords are. Recovery codes are
 * hashes and cannot be: they keep working while their key stays in PATTERN_KEYS_PREVIOUS, and
 * the count says how many users should regenerate them before that key is dropped.
 */
export async function resealSecondFactors(keyring: Keyring = configuredKeyring()): Promise<SecondFactorResealResult> {
  const result = { resealed: 0, unreadable: 0, recoveryCodesOnOlderKeys: 0 };
  const skipped = new Set<string>();
  const db = await getDb();
  for (;;) {
    const rows = (await findAuthenticatorAppsSealedWithOtherKeys(db, keyring.current.id, BATCH + skipped.size)).filter(
      (row) => !skipped.has(row.userId),
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      let secret: Uint8Array;
      try {
        secret = openSecret(row.sealedSecret, row.userId, keyring.all);
      } catch {
        result.unreadable += 1;
        skipped.add(row.userId);
        continue;
      }
      const sealedSecret = sealSecret(secret, row.userId, keyring.current);
      const values = { userId: row.userId, previous: row.sealedSecret, sealedSecret, keyId: keyring.current.id };
      if (await replaceSealedSecret(db, values)) result.resealed += 1;
      // Changed meanwhile (turned off, set up again): its new value is already current.
      else skipped.add(row.userId);
    }
  }
  result.recoveryCodesOnOlderKeys = await countUsersWithRecoveryCodesUnderOtherKeys(db, keyring.current.id);
  return result;
}
