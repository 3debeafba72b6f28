import { findUsableToken, openOnboardingSession, recordFailedVerification } from "@/db/queries/onboarding";
import { recordAudit } from "@/lib/audit";
import { generateToken, hashToken } from "@/lib/crypto";
import { fieldErrorsOf, identitySchema, sameIdentity, type FieldErrors } from "@/lib/identity";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/rate-limit";
import type { RequestContext } from "@/lib/request-context";

export const MAX_VERIFICATION_FAILURES = 5;
export const ONBOARDING_SESSION_MINUTES = 30;

export type IdentityField = "email" | "name" | "phone";

export type VerificationResult =
  | { ok: true; sessionId: string }
  | { ok: false; fieldErrors: FieldErrors<IdentityField> }
  | { ok: false; error: "mismatch"; remaining: number }
  | { ok: false; error: "link-invalid" | "link-voided" | "link-in-use" | "rate-limited" };

/** Whether a starting-guide link can still be used. Reading it changes nothing. */
export async function isStartingGuideUsable(token: string, now: Date): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  return (await findUsableToken(hashToken(token), now)) !== undefined;
}

/**
 * Checks the identity typed by the person holding a starting-guide link. Success opens the
 * onboarding session; wrong identities count towards voiding the link.
 */
export async function verifyIdentity(token: string, input: unknown, context: RequestContext): Promise<VerificationResult> {
  const parsed = identitySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf<IdentityField>(parsed.error) };
  if (!(await consumeRateLimit(RATE_LIMITS.verifyPerIp, context.ip, context.now))) return { ok: false, error: "rate-limited" };
  const link = /^[A-Za-z0-9_-]{43}$/.test(token) ? await findUsableToken(hashToken(token), context.now) : undefined;
  if (!link) return { ok: false, error: "link-invalid" };

  if (!sameIdentity(link, parsed.data)) {
    const counted = await recordFailedVerification(link.tokenId, MAX_VERIFICATION_FAILURES, context.now);
    if (!counted) return { ok: false, error: "link-invalid" };
    const voided = counted.voidedAt !== null;
    await recordAudit({ event: "onboarding.identity_failed", subjectId: link.userId, outcome: "failure", details: { failures: counted.failures } }, context);
    if (voided) {
      await recordAudit({ event: "onboarding.link_voided", subjectId: link.userId, outcome: "info", details: { reason: "too-many-failures" } }, context);
      return { ok: false, error: "link-voided" };
    }
    return { ok: false, error: "mismatch", remaining: MAX_VERIFICATION_FAILURES - counted.failures };
  }

  const sessionId = generateToken();
  const expiresAt = new Date(context.now.getTime() + ONBOARDING_SESSION_MINUTES * 60_000);
  const opened = await openOnboardingSession({ idHash: hashToken(sessionId), tokenId: link.tokenId, userId: link.userId, expiresAt }, context.now);
  if (!opened) return { ok: false, error: "link-in-use" };
  await recordAudit({ event: "onboarding.identity_verified", subjectId: link.userId, outcome: "success" }, context);
  return { ok: true, sessionId };
}
