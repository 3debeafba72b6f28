import { randomBytes, randomUUID } from "node:crypto";
import { getDb, transaction, type Executor } from "@/db/client";
import {
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  deleteRecoveryCodes,
  hasSecondFactor,
  lockSecondFactorOwner,
  replaceRecoveryCodes,
} from "@/db/queries/second-factor";
import { isUuid } from "@/db/ids";
import { recordAudit } from "@/lib/audit";
import { configuredKeyring } from "@/lib/crypto";
import type { RequestContext } from "@/lib/http/request-context";
import { tellOwner, withOwnerEmail } from "./notify";
import { RECOVERY_CODE_COUNT } from "./policy";
import { formatRecoveryCode, normalizeRecoveryCode, recoveryCodeCandidates, recoveryCodeHash } from "./recovery-code";

/**
 * Recovery codes: the way back in when the phone or the passkey is lost. They are shown once,
 * stored only as keyed hashes, and each works once.
 */

/** Stores a new batch in the caller's transaction (the owner's row locked) and returns the codes. */
export async function storeNewRecoveryCodes(tx: Executor, userId: string, now: Date): Promise<string[]> {
  const keyring = configuredKeyring();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomBytes(10)));
  const stored = codes.map((code) => ({
    keyId: keyring.current.id,
    codeHash: recoveryCodeHash(keyring.current.key, userId, normalizeRecoveryCode(code)!),
  }));
  await replaceRecoveryCodes(tx, { userId, batchId: randomUUID(), codes: stored, now });
  return codes;
}

export type RecoveryCodesResult =
  { ok: true; codes: string[] } | { ok: false; error: "not-found" | "no-second-factor" };

/**
 * Ten new codes for a user who has a passkey or an authenticator app; every older code stops
 * working. The codes are returned this once and never again.
 */
export async function generateRecoveryCodes(userId: string, context: RequestContext): Promise<RecoveryCodesResult> {
  if (!isUuid(userId)) return { ok: false, error: "not-found" };
  const generate = () =>
    transaction(async (tx): Promise<RecoveryCodesResult> => {
      const owner = await lockSecondFactorOwner(tx, userId);
      if (!owner) return { ok: false, error: "not-found" };
      // Codes are a way around a lost second factor: without one they would be a factor of their own.
      if (!(await hasSecondFactor(tx, userId))) return { ok: false, error: "no-second-factor" };
      const codes = await storeNewRecoveryCodes(tx, userId, context.now);
      await recordAudit(
        { event: "second_factor.recovery_codes_generated", actorId: userId, subjectId: userId, outcome: "success" },
        context,
        tx,
      );
      await tellOwner(tx, owner, "recoveryCodesGenerated", context);
      return { ok: true, codes };
    });
  return withOwnerEmail(generate, (result) => result.ok);
}

/**
 * Uses one of the user's codes: true at most once per code, however many requests race with it.
 * Wrong, used, voided and malformed codes are all just false (the caller counts the failure).
 */
export async function redeemRecoveryCode(userId: string, code: unknown, context: RequestContext): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (!isUuid(userId) || normalized === null) return false;
  const candidates = recoveryCodeCandidates(configuredKeyring(), userId, normalized);
  const redeem = () =>
    transaction(async (tx) => {
      if (!(await consumeRecoveryCode(tx, userId, candidates, context.now))) return false;
      const owner = await lockSecondFactorOwner(tx, userId);
      const remaining = await countUnusedRecoveryCodes(tx, userId);
      const record = { event: "second_factor.recovery_code_used", actorId: userId, subjectId: userId } as const;
      await recordAudit({ ...record, outcome: "success", details: { remaining } }, context, tx);
      if (owner) await tellOwner(tx, owner, "recoveryCodeUsed", context, { remaining });
      return true;
    });
  return withOwnerEmail(redeem, (redeemed) => redeemed);
}

/** How many of the user's codes are still unused. */
export async function remainingRecoveryCodes(userId: string): Promise<number> {
  if (!isUuid(userId)) return 0;
  return countUnusedRecoveryCodes(await getDb(), userId);
}

/**
 * The rules that tie recovery codes to the methods as a whole. Both run inside the transaction
 * that changes a method, after lockSecondFactorOwner, so concurrent changes see each other.
 */

/**
 * When a method is turned on and the user has no unused recovery codes (their first method, or
 * every code used up), a new batch is made: returned to be shown this once.
 */
export async function recoveryCodesForNewMethod(tx: Executor, userId: string, now: Date): Promise<string[] | null> {
  if ((await countUnusedRecoveryCodes(tx, userId)) > 0) return null;
  return storeNewRecoveryCodes(tx, userId, now);
}

/**
 * When the last passkey or app goes, the recovery codes go too: they stand in for a lost second
 * factor, and with none left they would be one on their own. The next method brings new ones.
 */
export async function forgetRecoveryCodesIfLastMethod(tx: Executor, userId: string): Promise<void> {
  if (!(await hasSecondFactor(tx, userId))) await deleteRecoveryCodes(tx, userId);
}
