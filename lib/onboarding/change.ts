import { insertToken, openOnboardingSession, voidOpenTokens } from "@/db/queries/onboarding";
import { transaction } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { generateToken, hashToken } from "@/lib/crypto";
import type { RequestContext } from "@/lib/http/request-context";
import { ONBOARDING_SESSION_MINUTES } from "./verify";

/**
 * Opens an onboarding session for a signed-in user who has just re-authenticated, so they can
 * register a new matrix password on the same screens as onboarding. The link behind it is
 * never sent anywhere; it exists so that confirmation consumes it like any other.
 */
export async function startPatternChange(userId: string, context: RequestContext): Promise<string> {
  const sessionId = generateToken();
  const expiresAt = new Date(context.now.getTime() + ONBOARDING_SESSION_MINUTES * 60_000);
  await transaction(async (tx) => {
    await voidOpenTokens(tx, userId, context.now);
    const token = await insertToken(tx, {
      userId,
      tokenHash: hashToken(generateToken()),
      purpose: "change",
      expiresAt,
    });
    const opened = await openOnboardingSession(
      tx,
      { idHash: hashToken(sessionId), tokenId: token.id, userId, expiresAt },
      context.now,
    );
    if (!opened) throw new Error("A fresh link already had an onboarding session");
    await recordAudit(
      { event: "account.pattern_change_started", actorId: userId, subjectId: userId, outcome: "info" },
      context,
      tx,
    );
  });
  return sessionId;
}
