import type { Role, SecondFactorRequirement, UserStatus } from "@/db/schema";
import { secondFactorRequired } from "@/lib/second-factor/policy";

/** Session lifetimes: a session ends after 30 idle minutes or 12 hours, whichever is first. */
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;

export type SessionClaims = {
  userId: string;
  role: Role;
  sessionVersion: number;
  /** The random key of this session's user_sessions row (only its hash is stored). */
  sessionKey: string;
  signedInAt: number;
  lastSeenAt: number;
  /** What this session's sign-in proved, in order: the matrix, then a second factor if one was asked. */
  amr: SignInMethod[];
};

/** The ways a sign-in step can be passed (kept in the session, later the identity token's `amr`). */
export type SignInMethod = "matrix" | "totp" | "recovery-code" | "passkey";

export type SessionState = {
  sessionVersion: number;
  status: UserStatus;
  role: Role;
  acceptedTermsVersion: number | null;
  currentTermsVersion: number | null;
  secondFactorRequirement: SecondFactorRequirement;
  /** A passkey or an authenticator app turned on. */
  hasSecondFactor: boolean;
  /** This session's own row; null when it is unknown, another user's, or revoked. */
  sessionId: string | null;
  sessionLastSeenAt: Date | null;
  authenticatedAt: Date | null;
};

/**
 * Whether a session may go on at `now`: within both time limits, and still matching the
 * database (a revoked session row, a bumped session version, a disabled account or a changed
 * role end it).
 */
export function sessionStillValid(claims: SessionClaims, state: SessionState | undefined, now: number): boolean {
  if (now - claims.lastSeenAt > IDLE_MINUTES * 60_000) return false;
  if (now - claims.signedInAt > ABSOLUTE_HOURS * 3600_000) return false;
  if (!state || state.status !== "active" || state.sessionId === null) return false;
  return state.sessionVersion === claims.sessionVersion && state.role === claims.role;
}

export function hasAcceptedCurrentTerms(
  state: Pick<SessionState, "acceptedTermsVersion" | "currentTermsVersion">,
): boolean {
  return state.currentTermsVersion === null || state.acceptedTermsVersion === state.currentTermsVersion;
}

/**
 * Whether the policy (or an operator's override) asks this user for a second factor they do not
 * have yet: then they set one up before any other page, like a required action at sign-in.
 */
export function mustSetUpSecondFactor(
  state: Pick<SessionState, "role" | "secondFactorRequirement" | "hasSecondFactor">,
): boolean {
  return !state.hasSecondFactor && secondFactorRequired(state);
}
