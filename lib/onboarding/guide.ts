import { normalizeText } from "@/lib/identity";
import { getDb, transaction, type Executor } from "@/db/client";
import { insertToken, voidOpenTokens, voidOpenTokensSparingLiveSession } from "@/db/queries/onboarding";
import { findUserByEmail } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { env } from "@/env";
import { recordAudit } from "@/lib/audit";
import { generateToken, hashToken } from "@/lib/crypto";
import { queueEmail, scheduleMailDispatch } from "@/lib/mail";
import { afterResponse } from "@/lib/http/after-response";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import type { RequestContext } from "@/lib/http/request-context";

type GuideUser = Pick<User, "id" | "email" | "name" | "locale">;

type IssueOptions = {
  /** The operator who asked for it; null for the system and self-service. */
  actorId?: string | null;
  /**
   * Anyone who knows the address can ask for a new link, so such a request must not end an
   * onboarding that is under way: its session and link last until the session ends (at most
   * ONBOARDING_SESSION_MINUTES). Operators' resends and resets void every older link at once.
   */
  spareLiveSession?: boolean;
};

/**
 * A fresh starting-guide link: the link itself goes only into the email, its token's hash into
 * the database, and both carry the same expiry.
 */
export function startingGuideLink(now: Date): { link: string; tokenHash: string; expiresAt: Date } {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + env.ONBOARDING_TOKEN_TTL_HOURS * 3600_000);
  return { link: `${env.APP_URL}/start/${token}`, tokenHash: hashToken(token), expiresAt };
}

/**
 * Issues a new starting-guide link for the user (voiding older ones) and queues the email, in
 * the caller's transaction. The plaintext token leaves only inside the sealed email payload.
 */
export async function issueStartingGuide(
  tx: Executor,
  user: GuideUser,
  purpose: "activation" | "reset",
  context: RequestContext,
  { actorId = null, spareLiveSession = false }: IssueOptions = {},
): Promise<string> {
  const { link, tokenHash, expiresAt } = startingGuideLink(context.now);
  await (spareLiveSession ? voidOpenTokensSparingLiveSession : voidOpenTokens)(tx, user.id, context.now);
  await insertToken(tx, { userId: user.id, tokenHash, purpose, expiresAt });
  await queueEmail(tx, {
    to: user.email,
    template: "starting-guide",
    locale: user.locale,
    props: { name: user.name, link, expiresAt: expiresAt.toISOString() },
  });
  await recordAudit(
    { event: "onboarding.guide_issued", actorId, subjectId: user.id, details: { purpose } },
    context,
    tx,
  );
  return link;
}

async function resendIfAwaitingActivation(email: string, context: RequestContext): Promise<void> {
  const user = await findUserByEmail(await getDb(), email);
  if (!user || user.status !== "invited") return;
  await transaction(async (tx) => {
    await issueStartingGuide(tx, user, "activation", context, { spareLiveSession: true });
    await recordAudit(
      { event: "onboarding.guide_resent", subjectId: user.id, details: { via: "self-service" } },
      context,
      tx,
    );
  });
  await scheduleMailDispatch();
}

/**
 * The "I didn't get the email" request. Whatever the address, the caller answers the same
 * words at the same speed: the lookup and sending happen after the response.
 */
export async function requestStartingGuide(typedEmail: string, context: RequestContext): Promise<void> {
  const email = normalizeText(typedEmail.slice(0, 1024));
  const withinIp = await consumeRateLimit(RATE_LIMITS.resendPerIp, context.ip, context.now);
  const withinEmail = await consumeRateLimit(RATE_LIMITS.resendPerEmail, email, context.now);
  if (!withinIp || !withinEmail) return;
  await afterResponse(() => resendIfAwaitingActivation(email, context));
}
