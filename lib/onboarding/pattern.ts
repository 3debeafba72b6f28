import { TransactionRollbackError } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { storeCredential } from "@/db/queries/credentials";
import { consumeOnboarding, findOpenOnboardingSession, storeDraft, voidOpenTokens } from "@/db/queries/onboarding";
import { activateUser, bumpSessionVersion, findUserById } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit";
import { configuredKeyring, hashToken, openJson, sealJson, sealPattern } from "@/lib/crypto";
import { queueEmail, scheduleMailDispatch } from "@/lib/mail";
import {
  checkStrength,
  patternFingerprint,
  validatePattern,
  type PatternRefusal,
  type StrengthRefusal,
} from "@/lib/matrix";
import { historyHash, isRecentPattern } from "@/lib/credentials/history";
import type { RequestContext } from "@/lib/http/request-context";

export const PATTERN_HISTORY_DEPTH = 3;

export type DraftRefusal = PatternRefusal | StrengthRefusal | { code: "reused" };
export type DraftResult = { ok: true } | { ok: false; reason: DraftRefusal } | { ok: false; error: "session-expired" };
export type ConfirmResult = { ok: true; userId: string } | { ok: false; error: "session-expired" | "no-draft" };

const draftContext = (sessionHash: string) => `onboarding-draft:${sessionHash}`;

/** The open onboarding session behind a cookie value, with its draft pattern if any. */
export async function loadOnboarding(sessionId: string, now: Date) {
  const idHash = hashToken(sessionId);
  const session = await findOpenOnboardingSession(await getDb(), idHash, now);
  if (!session) return undefined;
  const draft = session.sealedDraft
    ? (openJson(session.sealedDraft, draftContext(idHash), configuredKeyring().all) as number[])
    : null;
  return { userId: session.userId, purpose: session.purpose, draft };
}

/** Validates a registration attempt and keeps it, sealed, in the onboarding session. */
export async function saveDraft(sessionId: string, input: unknown, now: Date): Promise<DraftResult> {
  const idHash = hashToken(sessionId);
  const db = await getDb();
  const session = await findOpenOnboardingSession(db, idHash, now);
  if (!session) return { ok: false, error: "session-expired" };
  const valid = validatePattern(input);
  if (!valid.ok) return { ok: false, reason: valid.reason };
  const strong = checkStrength(valid.pattern);
  if (!strong.ok) return { ok: false, reason: strong.reason };
  if (await isRecentPattern(session.userId, valid.pattern, PATTERN_HISTORY_DEPTH))
    return { ok: false, reason: { code: "reused" } };
  const stored = await storeDraft(
    db,
    idHash,
    sealJson(valid.pattern, draftContext(idHash), configuredKeyring().current),
    now,
  );
  return stored ? { ok: true } : { ok: false, error: "session-expired" };
}

/**
 * Sets the matrix password from the draft. The session and its link are consumed atomically,
 * so of any number of concurrent confirms exactly one stores a credential.
 */
export async function confirmPattern(sessionId: string, context: RequestContext): Promise<ConfirmResult> {
  const idHash = hashToken(sessionId);
  const current = await loadOnboarding(sessionId, context.now);
  if (!current) return { ok: false, error: "session-expired" };
  if (!current.draft) return { ok: false, error: "no-draft" };
  const pattern = current.draft;
  const userId = current.userId;

  const confirmed = await transaction(async (tx) => {
    const consumed = await consumeOnboarding(tx, idHash, context.now);
    if (!consumed) return false;
    const consumedDraft = openJson(consumed.sealedDraft, draftContext(idHash), configuredKeyring().all) as number[];
    // Another tab changed the draft after this one read it: store only what was reviewed.
    if (patternFingerprint(consumedDraft) !== patternFingerprint(pattern)) tx.rollback();
    // Hashed only by the one confirm that won the consume: losers cost no bcrypt round.
    const patternHash = await historyHash(userId, pattern);
    const sealedPattern = sealPattern(pattern, userId, configuredKeyring().current);
    await storeCredential(tx, {
      userId,
      sealedPattern,
      keyId: configuredKeyring().current.id,
      length: pattern.length,
      patternHash,
      now: context.now,
    });
    // A self-service resend during this onboarding left a newer link open: the pattern is set, so it ends here.
    await voidOpenTokens(tx, userId, context.now);
    await activateUser(tx, userId, context.now);
    // A new pattern ends every session signed in with the old one, this browser's included.
    if (consumed.purpose !== "activation") await bumpSessionVersion(tx, userId, context.now);
    const user = await findUserById(tx, userId);
    await queueEmail(tx, {
      to: user!.email,
      template: "pattern-set",
      locale: user!.locale,
      props: {
        name: user!.name,
        kind: consumed.purpose === "activation" ? "set" : "changed",
        at: context.now.toISOString(),
      },
    });
    await recordAudit(
      {
        event: "onboarding.pattern_set",
        subjectId: userId,
        outcome: "success",
        details: { purpose: consumed.purpose, length: pattern.length },
      },
      context,
      tx,
    );
    return true;
  }).catch((error: unknown) => {
    if (error instanceof TransactionRollbackError) return false;
    throw error;
  });
  if (!confirmed) return { ok: false, error: "session-expired" };
  await scheduleMailDispatch();
  return { ok: true, userId };
}
