import { getDb } from "@/db/client";
import { findSessionState } from "@/db/queries/sessions";
import { touchUserSession } from "@/db/queries/user-sessions";
import type { Role } from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import { hasAcceptedCurrentTerms, mustSetUpSecondFactor, sessionStillValid, type SessionClaims } from "./policy";

export type SessionUser = {
  id: string;
  role: Role;
  termsAccepted: boolean;
  /** Required to have a second factor and has none: only its setup pages are open. */
  secondFactorSetupNeeded: boolean;
  /** This session's user_sessions row. */
  sessionId: string;
  /** The last challenge answered in this session (sign-in or re-authentication). */
  authenticatedAt: Date;
};

/** "Last active" in the sessions list moves at most this often, so requests do not all write. */
export const LAST_SEEN_THROTTLE_MS = 60_000;

/**
 * Re-checks a session against the database on each request (one query: the user and this
 * session's row together). Returns the claims to carry on (with the new activity time) and
 * what pages need to know, or null to end the session.
 */
export async function refreshSession(claims: SessionClaims, now: number) {
  // Tokens issued before sessions had rows carry no key: they end.
  if (typeof claims.sessionKey !== "string") return null;
  const db = await getDb();
  const state = await findSessionState(db, claims.userId, hashToken(claims.sessionKey));
  if (!sessionStillValid(claims, state, now)) return null;
  const { sessionId, sessionLastSeenAt, authenticatedAt } = state!;
  if (now - sessionLastSeenAt!.getTime() >= LAST_SEEN_THROTTLE_MS)
    await touchUserSession(db, sessionId!, new Date(now), LAST_SEEN_THROTTLE_MS);
  return {
    claims: { ...claims, lastSeenAt: now },
    termsAccepted: hasAcceptedCurrentTerms(state!),
    secondFactorSetupNeeded: mustSetUpSecondFactor(state!),
    sessionId: sessionId!,
    authenticatedAt: authenticatedAt!,
  };
}
