import { transaction } from "@/db/client";
import { revokeAllUserSessions } from "@/db/queries/user-sessions";
import { bumpSessionVersion } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/http/request-context";

/**
 * "End all sessions" (sign out everywhere): every session of the user, on every device, ends at
 * its next request. Its rows are revoked, and the version bump also ends any token whose row
 * was never written.
 */
export async function endAllSessions(userId: string, context: RequestContext): Promise<void> {
  await transaction(async (tx) => {
    await bumpSessionVersion(tx, userId, context.now);
    await revokeAllUserSessions(tx, userId, context.now);
    await recordAudit(
      { event: "session.ended_everywhere", actorId: userId, subjectId: userId, outcome: "info" },
      context,
      tx,
    );
  });
}
