import { getDb, transaction } from "@/db/client";
import { lockUserForStatusChange, setStatusAndEndSessions } from "@/db/queries/admin";
import { voidOpenTokens } from "@/db/queries/onboarding";
import type { UserStatus } from "@/db/schema";
import { findUserById } from "@/db/queries/users";
import { displayTimeZone } from "@/lib/i18n/config";
import { isTimeZone } from "@/lib/i18n/time-zone";
import { isUuid } from "@/db/ids";
import type { RequestContext } from "@/lib/http/request-context";
import { recordAudit } from "@/lib/audit";

export type { UserStatus };

export type StatusChangeResult =
  | { ok: true; status: UserStatus }
  /** not-found: no such user; self: operators cannot disable themselves; unchanged: already so. */
  | { ok: false; error: "not-found" | "self" | "unchanged" };

/**
 * Disables an account: it can no longer sign in (its challenges turn into decoys), every
 * session ends on its next request (session version bumped), and open starting-guide links
 * are voided so an invited or resetting user cannot activate themselves meanwhile.
 */
export async function disableUser(
  userId: string,
  actorId: string | null,
  context: RequestContext,
): Promise<StatusChangeResult> {
  if (!isUuid(userId)) return { ok: false, error: "not-found" };
  if (actorId !== null && actorId.toLowerCase() === userId.toLowerCase()) return { ok: false, error: "self" };
  return transaction(async (tx): Promise<StatusChangeResult> => {
    const user = await lockUserForStatusChange(tx, userId);
    if (!user) return { ok: false, error: "not-found" };
    if (user.status === "disabled") return { ok: false, error: "unchanged" };
    await setStatusAndEndSessions(tx, userId, "disabled", context.now);
    await voidOpenTokens(tx, userId, context.now);
    await recordAudit(
      { event: "user.disabled", actorId, subjectId: userId, outcome: "success", details: { from: user.status } },
      context,
      tx,
    );
    return { ok: true, status: "disabled" };
  });
}

/**
 * Enables a disabled account again: active when it has a matrix password, otherwise invited
 * (the operator then resends the starting guide). Sessions from before the disable stay
 * ended: the session version is bumped again.
 */
export async function enableUser(
  userId: string,
  actorId: string | null,
  context: RequestContext,
): Promise<StatusChangeResult> {
  if (!isUuid(userId)) return { ok: false, error: "not-found" };
  return transaction(async (tx): Promise<StatusChangeResult> => {
    const user = await lockUserForStatusChange(tx, userId);
    if (!user) return { ok: false, error: "not-found" };
    if (user.status !== "disabled") return { ok: false, error: "unchanged" };
    const status: UserStatus = user.hasCredential ? "active" : "invited";
    await setStatusAndEndSessions(tx, userId, status, context.now);
    await recordAudit(
      { event: "user.enabled", actorId, subjectId: userId, outcome: "success", details: { to: status } },
      context,
      tx,
    );
    return { ok: true, status };
  });
}

/** The operator's own time zone for showing times (Asia/Tokyo unless they set another). */
export async function operatorTimeZone(userId: string): Promise<string> {
  const user = await findUserById(await getDb(), userId);
  return user && isTimeZone(user.timeZone) ? user.timeZone : displayTimeZone;
}
