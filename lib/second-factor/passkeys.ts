import { getDb, transaction } from "@/db/client";
import { deleteUserPasskey, listUserPasskeys, lockSecondFactorOwner } from "@/db/queries/second-factor";
import { isUuid } from "@/db/ids";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/http/request-context";
import { tellOwner, withOwnerEmail } from "./notify";
import { forgetRecoveryCodesIfLastMethod } from "./recovery-codes";

/** The user's passkeys as they and the operators see them, and removing one. */

export type ListedPasskey = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; synced: boolean };

/** The user's passkeys for their dashboard and the operators' user page: names and dates, no key material. */
export async function listPasskeys(userId: string): Promise<ListedPasskey[]> {
  if (!isUuid(userId)) return [];
  const rows = await listUserPasskeys(await getDb(), userId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    synced: row.deviceType === "multi_device",
  }));
}

/** Removes one of the user's passkeys; false when it is not theirs (or already gone). */
export async function removePasskey(userId: string, passkeyId: unknown, context: RequestContext): Promise<boolean> {
  if (!isUuid(userId) || !isUuid(passkeyId)) return false;
  const remove = () =>
    transaction(async (tx) => {
      const owner = await lockSecondFactorOwner(tx, userId);
      const passkeyName = owner && (await deleteUserPasskey(tx, userId, passkeyId));
      if (!owner || passkeyName === undefined) return false;
      await forgetRecoveryCodesIfLastMethod(tx, userId);
      await recordAudit(
        {
          event: "second_factor.passkey_removed",
          actorId: userId,
          subjectId: userId,
          outcome: "info",
          details: { passkeyId },
        },
        context,
        tx,
      );
      await tellOwner(tx, owner, "passkeyRemoved", context, { passkeyName });
      return true;
    });
  return withOwnerEmail(remove, (removed) => removed);
}
