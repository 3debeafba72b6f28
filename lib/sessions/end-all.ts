import { transaction } from "@/db/client";
import { bumpSessionVersion } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/request-context";

/**
 * "End all sessions" (sign out everywhere): every session of the user, on every device, ends at its next request
 * (sessions carry the version they were issued with, and it no longer matches).
 */
export async function endAllSessions(userId: string, context: RequestContext): Promise<void> {
  await transaction(async (tx) => {
    await bumpSessionVersion(tx, userId, context.now);
    await recordAudit({ event: "session.ended_everywhere", actorId: userId, subjectId: userId, outcome: "info" }, context, tx);
  });
}
