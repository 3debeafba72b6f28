import { findSessionState } from "@/db/queries/sessions";
import { hasAcceptedCurrentTerms, sessionStillValid, type SessionClaims } from "./policy";

export type SessionUser = { id: string; role: "customer" | "operator"; termsAccepted: boolean };

/**
 * Re-checks a session against the database on each request. Returns the claims to carry on
 * (with the new activity time), or null to end the session.
 */
export async function refreshSession(claims: SessionClaims, now: number) {
  const state = await findSessionState(claims.userId);
  if (!sessionStillValid(claims, state, now)) return null;
  return { claims: { ...claims, lastSeenAt: now }, termsAccepted: hasAcceptedCurrentTerms(state!) };
}
