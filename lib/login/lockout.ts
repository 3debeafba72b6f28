import { getDb, transaction } from "@/db/client";
import { unlockUser } from "@/db/queries/lockout";
import { voidUnlockLinks } from "@/db/queries/unlock";
import { findUserByEmail } from "@/db/queries/users";
import { isUuid } from "@/db/ids";
import { recordAudit } from "@/lib/audit";
import { normalizeText } from "@/lib/identity";
import type { RequestContext } from "@/lib/http/request-context";
import { now } from "@/lib/platform/clock";

/** Who lifted a lock, for the audit log. */
export type UnlockedVia = "operator" | "cli";

/**
 * An operator's unlock: clears the timed lock and every failure counter, including the count
 * that otherwise keeps the account locked for good, and voids any emailed unlock link.
 * Returns false for an unknown user.
 */
export async function unlockAccount(
  userId: string,
  context: RequestContext = { ip: null, userAgent: null, now: now() },
  actorId: string | null = null,
  via: UnlockedVia = "operator",
): Promise<boolean> {
  if (!isUuid(userId)) return false;
  return transaction(async (tx) => {
    const unlocked = await unlockUser(tx, userId, context.now);
    if (!unlocked) return false;
    await voidUnlockLinks(tx, userId, context.now);
    await recordAudit(
      { event: "login.unlocked", actorId, subjectId: userId, outcome: "success", details: { via } },
      context,
      tx,
    );
    return true;
  });
}

/** The command line's unlock, for when no operator can sign in. False for an unknown email. */
export async function unlockAccountByEmail(email: string, context: RequestContext): Promise<boolean> {
  const user = await findUserByEmail(await getDb(), normalizeText(email.slice(0, 1024)));
  return user ? unlockAccount(user.id, context, null, "cli") : false;
}
