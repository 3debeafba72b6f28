import { transaction } from "@/db/client";
import { revokeUserSession } from "@/db/queries/user-sessions";
import { recordAudit } from "@/lib/audit";
import { isUuid } from "@/db/ids";
import type { RequestContext } from "@/lib/http/request-context";
import type { SessionUser } from "./refresh";

/** Ordinary sign-out: this session's row is revoked, so a copy of its cookie stops working too. */
export async function signOutSession(
  user: Pick<SessionUser, "id" | "sessionId">,
  context: RequestContext,
): Promise<void> {
  await transaction(async (tx) => {
    await revokeUserSession(tx, user.sessionId, user.id, context.now);
    await recordAudit(
      { event: "session.signed_out", actorId: user.id, subjectId: user.id, outcome: "info" },
      context,
      tx,
    );
  });
}

export type EndSessionResult = { ok: true } | { ok: false; error: "not-found" };

/**
 * Ends one session of `ownerId` from the sessions list: by the owner (another of their devices)
 * or by an operator (`actorId`). A session id that is not a live session of that owner (another
 * user's, already ended, malformed) changes nothing and answers not-found.
 */
export async function endSession(
  ownerId: string,
  sessionId: unknown,
  actorId: string,
  context: RequestContext,
): Promise<EndSessionResult> {
  if (!isUuid(sessionId) || !isUuid(ownerId)) return { ok: false, error: "not-found" };
  return transaction(async (tx) => {
    if (!(await revokeUserSession(tx, sessionId, ownerId, context.now)))
      return { ok: false, error: "not-found" } as const;
    await recordAudit(
      { event: "session.ended", actorId, subjectId: ownerId, outcome: "success", details: { sessionId } },
      context,
      tx,
    );
    return { ok: true } as const;
  });
}
