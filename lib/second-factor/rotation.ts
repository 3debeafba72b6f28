import { getDb } from "@/db/client";
import {
  countUsersWithRecoveryCodesUnderOtherKeys,
  findAuthenticatorAppsSealedWithOtherKeys,
  replaceSealedSecret,
} from "@/db/queries/second-factor";
import { configuredKeyring, type Keyring } from "@/lib/crypto";
import { resealRows } from "@/lib/credentials/rotation";
import { openSecret, sealSecret } from "./authenticator-app";

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
  const result = await resealRows({
    find: (db, limit) => findAuthenticatorAppsSealedWithOtherKeys(db, keyring.current.id, limit),
    open: (row) => openSecret(row.sealedSecret, row.userId, keyring.all),
    replace: (db, row, secret) =>
      replaceSealedSecret(db, {
        userId: row.userId,
        previous: row.sealedSecret,
        sealedSecret: sealSecret(secret, row.userId, keyring.current),
        keyId: keyring.current.id,
      }),
  });
  const recoveryCodesOnOlderKeys = await countUsersWithRecoveryCodesUnderOtherKeys(await getDb(), keyring.current.id);
  return { ...result, recoveryCodesOnOlderKeys };
}
