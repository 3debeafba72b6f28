import { getDb } from "@/db/client";
import { deleteExpiredChallenges } from "@/db/queries/login";
import { deleteEndedOnboardingSessions, deleteEndedTokens } from "@/db/queries/onboarding";
import { deleteExpiredOidcModels } from "@/db/queries/oidc";
import { deleteSentEmails } from "@/db/queries/outbox";
import {
  deleteAbandonedAuthenticatorSetups,
  deleteExpiredPendingSignIns,
  deleteExpiredWebauthnChallenges,
} from "@/db/queries/second-factor";
import { deleteStaleRateLimits } from "@/db/queries/rate-limits";
import { deleteEndedUnlockLinks } from "@/db/queries/unlock";
import { deleteEndedSessions } from "@/db/queries/user-sessions";
import { RATE_LIMITS } from "@/lib/http/rate-limit";
import { TOTP_SETUP_MINUTES } from "@/lib/second-factor/policy";

/**
 * Deletes rows that have done their job, so tables that every request writes to do not only
 * grow. Each step is one plain DELETE … WHERE on a cut-off: repeating it, or running it in the
 * app and the mail worker at once, is harmless. The audit log is kept, and so are failed
 * emails (operators retry them); delivered emails are kept a month for support questions.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long each kind of row is kept after it stopped being usable. */
export const RETENTION_MS = {
  loginChallenges: DAY,
  /** WebAuthn challenges, sign-ins waiting for their second step, authenticator setups never turned on. */
  secondFactorSteps: DAY,
  onboarding: DAY,
  /** Ended sessions (signed out, or idle past the 30-minute limit): kept a day for the sessions list and support. */
  userSessions: DAY,
  sentEmails: 30 * DAY,
};

/** A counter whose window is older than the longest window can never count again. */
const LONGEST_RATE_WINDOW_MS = Math.max(...Object.values(RATE_LIMITS).map((limit) => limit.windowSeconds)) * 1000;

export type PurgeResult = {
  loginChallenges: number;
  rateLimits: number;
  onboardingSessions: number;
  onboardingTokens: number;
  sentEmails: number;
  userSessions: number;
  unlockLinks: number;
  webauthnChallenges: number;
  pendingSignIns: number;
  authenticatorSetups: number;
  /** The OpenID Connect provider's codes, tokens, sessions and interactions past their expiry. */
  oidcArtifacts: number;
};

export async function purgeExpiredRows(now: Date): Promise<PurgeResult> {
  const db = await getDb();
  const before = (ms: number) => new Date(now.getTime() - ms);
  return {
    loginChallenges: await deleteExpiredChallenges(db, before(RETENTION_MS.loginChallenges)),
    rateLimits: await deleteStaleRateLimits(db, before(LONGEST_RATE_WINDOW_MS)),
    onboardingSessions: await deleteEndedOnboardingSessions(db, before(RETENTION_MS.onboarding)),
    onboardingTokens: await deleteEndedTokens(db, before(RETENTION_MS.onboarding)),
    sentEmails: await deleteSentEmails(db, before(RETENTION_MS.sentEmails)),
    userSessions: await deleteEndedSessions(db, before(RETENTION_MS.userSessions)),
    unlockLinks: await deleteEndedUnlockLinks(db, before(RETENTION_MS.onboarding)),
    webauthnChallenges: await deleteExpiredWebauthnChallenges(db, before(RETENTION_MS.secondFactorSteps)),
    pendingSignIns: await deleteExpiredPendingSignIns(db, before(RETENTION_MS.secondFactorSteps)),
    authenticatorSetups: await deleteAbandonedAuthenticatorSetups(
      db,
      before(TOTP_SETUP_MINUTES * 60_000 + RETENTION_MS.secondFactorSteps),
    ),
    // The provider never reads an expired row (lib/oidc/adapter.ts): nothing to keep.
    oidcArtifacts: await deleteExpiredOidcModels(db, now),
  };
}
