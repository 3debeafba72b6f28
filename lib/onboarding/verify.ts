import { getDb, type Executor } from "@/db/client";
import { findUsableToken, openOnboardingSession, recordFailedVerification } from "@/db/queries/onboarding";
import { recordAudit } from "@/lib/audit";
import { generateToken, hashToken } from "@/lib/crypto";
import { checkLinkIdentity, isLinkUsable, type IdentityCheckFailure, type IdentityLinks } from "@/lib/identity/check";
import type { RequestContext } from "@/lib/http/request-context";

export { MAX_VERIFICATION_FAILURES, type IdentityField } from "@/lib/identity/check";
export const ONBOARDING_SESSION_MINUTES = 30;

export type VerificationResult =
  { ok: true; sessionId: string } | IdentityCheckFailure | { ok: false; error: "link-in-use" };

const startingGuides: IdentityLinks<NonNullable<Awaited<ReturnType<typeof findStartingGuide>>>> = {
  find: findStartingGuide,
  recordFailure: recordFailedVerification,
  events: { failed: "onboarding.identity_failed", voided: "onboarding.link_voided" },
};

async function findStartingGuide(executor: Executor, tokenHash: string, now: Date) {
  const link = await findUsableToken(executor, tokenHash, now);
  return link && { ...link, linkId: link.tokenId };
}

/** Whether a starting-guide link can still be used. Reading it changes nothing. */
export async function isStartingGuideUsable(token: string, now: Date): Promise<boolean> {
  return isLinkUsable(startingGuides, token, now);
}

/**
 * Checks the identity typed by the person holding a starting-guide link. Success opens the
 * onboarding session; wrong identities count towards voiding the link.
 */
export async function verifyIdentity(
  token: string,
  input: unknown,
  context: RequestContext,
): Promise<VerificationResult> {
  const checked = await checkLinkIdentity(startingGuides, token, input, context);
  if (!checked.ok) return checked;
  const { link } = checked;
  const sessionId = generateToken();
  const expiresAt = new Date(context.now.getTime() + ONBOARDING_SESSION_MINUTES * 60_000);
  const opened = await openOnboardingSession(
    await getDb(),
    { idHash: hashToken(sessionId), tokenId: link.tokenId, userId: link.userId, expiresAt },
    context.now,
  );
  if (!opened) return { ok: false, error: "link-in-use" };
  await recordAudit({ event: "onboarding.identity_verified", subjectId: link.userId, outcome: "success" }, context);
  return { ok: true, sessionId };
}
