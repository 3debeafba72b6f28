import { transaction } from "@/db/client";
import { unlockUser } from "@/db/queries/lockout";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/request-context";
import { now } from "@/lib/clock";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An operator's unlock: clears the timed lock and every failure counter, including the total
 * that otherwise keeps the account locked for good. Returns false for an unknown user.
 */
export async function unlockAccount(
  userId: string,
  context: RequestContext = { ip: null, userAgent: null, now: now() },
  actorId: string | null = null,
): Promise<boolean> {
  if (!UUID.test(userId)) return false;
  return transaction(async (tx) => {
    const unlocked = await unlockUser(tx, userId, context.now);
    if (unlocked) await recordAudit({ event: "login.unlocked", actorId, subjectId: userId, outcome: "success" }, context, tx);
    return unlocked;
  });
}
