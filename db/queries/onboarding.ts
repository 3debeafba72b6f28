import { and, eq, gt, isNull, lt, notExists, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { onboardingSessions, onboardingTokens, users } from "../schema";
import { recordFailedLinkVerification, usableLink } from "./link-verification";

type TokenPurpose = (typeof onboardingTokens.$inferInsert)["purpose"];

const openTokensOf = (userId: string) =>
  and(eq(onboardingTokens.userId, userId), isNull(onboardingTokens.consumedAt), isNull(onboardingTokens.voidedAt));

/** Voids every open link of the user, so only the newest starting guide works. */
export async function voidOpenTokens(executor: Executor, userId: string, now: Date): Promise<void> {
  await executor.update(onboardingTokens).set({ voidedAt: now }).where(openTokensOf(userId));
}

/**
 * Like voidOpenTokens, except that a link whose onboarding session is live (identity verified,
 * pattern not yet confirmed) keeps working until that session ends, and not a moment longer:
 * its expiry is brought forward to the session's.
 */
export async function voidOpenTokensSparingLiveSession(executor: Executor, userId: string, now: Date): Promise<void> {
  const liveSession = and(
    eq(onboardingSessions.tokenId, onboardingTokens.id),
    isNull(onboardingSessions.consumedAt),
    gt(onboardingSessions.expiresAt, now),
  );
  await executor
    .update(onboardingTokens)
    .set({ expiresAt: sql`least(${onboardingTokens.expiresAt}, ${onboardingSessions.expiresAt})` })
    .from(onboardingSessions)
    .where(and(openTokensOf(userId), liveSession));
  await executor
    .update(onboardingTokens)
    .set({ voidedAt: now })
    .where(
      and(
        openTokensOf(userId),
        notExists(
          executor
            .select({ one: sql`1` })
            .from(onboardingSessions)
            .where(liveSession),
        ),
      ),
    );
}

export async function insertToken(
  executor: Executor,
  values: { userId: string; tokenHash: string; purpose: TokenPurpose; expiresAt: Date },
) {
  const [token] = await executor.insert(onboardingTokens).values(values).returning({ id: onboardingTokens.id });
  return token!;
}

const usableToken = (now: Date) => usableLink(onboardingTokens, now);

/** A link that can still be used, with the identity it must be verified against. Read-only. */
export async function findUsableToken(executor: Executor, tokenHash: string, now: Date) {
  const [row] = await executor
    .select({
      tokenId: onboardingTokens.id,
      expiresAt: onboardingTokens.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      phone: users.phone,
      status: users.status,
      locale: users.locale,
    })
    .from(onboardingTokens)
    .innerJoin(users, eq(users.id, onboardingTokens.userId))
    .where(and(eq(onboardingTokens.tokenHash, tokenHash), usableToken(now)))
    .limit(1);
  return row;
}

/** Counts a wrong identity atomically and voids the link at the limit. */
export function recordFailedVerification(executor: Executor, tokenId: string, limit: number, now: Date) {
  return recordFailedLinkVerification(executor, onboardingTokens, tokenId, limit, now);
}

/**
 * Opens the onboarding session for a link. A link has one live session at a time: of any
 * number of concurrent verifications exactly one gets it; an expired one may be replaced.
 */
export async function openOnboardingSession(
  executor: Executor,
  values: { idHash: string; tokenId: string; userId: string; expiresAt: Date },
  now: Date,
): Promise<boolean> {
  const rows = await executor
    .insert(onboardingSessions)
    .values({ ...values, createdAt: now })
    .onConflictDoUpdate({
      target: onboardingSessions.tokenId,
      set: { idHash: values.idHash, expiresAt: values.expiresAt, sealedDraft: null, consumedAt: null, createdAt: now },
      setWhere: sql`${onboardingSessions.expiresAt} <= ${now.toISOString()}::timestamptz and ${onboardingSessions.consumedAt} is null`,
    })
    .returning({ idHash: onboardingSessions.idHash });
  return rows.length === 1;
}

/** An onboarding session that is open and whose link is still usable. */
export async function findOpenOnboardingSession(executor: Executor, idHash: string, now: Date) {
  const [row] = await executor
    .select({
      tokenId: onboardingSessions.tokenId,
      userId: onboardingSessions.userId,
      sealedDraft: onboardingSessions.sealedDraft,
      purpose: onboardingTokens.purpose,
    })
    .from(onboardingSessions)
    .innerJoin(onboardingTokens, eq(onboardingTokens.id, onboardingSessions.tokenId))
    .where(
      and(
        eq(onboardingSessions.idHash, idHash),
        isNull(onboardingSessions.consumedAt),
        gt(onboardingSessions.expiresAt, now),
        usableToken(now),
      ),
    )
    .limit(1);
  return row;
}

export async function storeDraft(
  executor: Executor,
  idHash: string,
  sealedDraft: string | null,
  now: Date,
): Promise<boolean> {
  const rows = await executor
    .update(onboardingSessions)
    .set({ sealedDraft })
    .where(
      and(
        eq(onboardingSessions.idHash, idHash),
        isNull(onboardingSessions.consumedAt),
        gt(onboardingSessions.expiresAt, now),
      ),
    )
    .returning({ idHash: onboardingSessions.idHash });
  return rows.length === 1;
}

/**
 * Consumes the onboarding session and its link in one transaction: of any number of
 * concurrent confirms, exactly one gets the row back.
 */
export async function consumeOnboarding(executor: Executor, idHash: string, now: Date) {
  const [session] = await executor
    .update(onboardingSessions)
    .set({ consumedAt: now })
    .where(
      and(
        eq(onboardingSessions.idHash, idHash),
        isNull(onboardingSessions.consumedAt),
        gt(onboardingSessions.expiresAt, now),
      ),
    )
    .returning({
      tokenId: onboardingSessions.tokenId,
      userId: onboardingSessions.userId,
      sealedDraft: onboardingSessions.sealedDraft,
    });
  if (!session?.sealedDraft) return undefined;
  // The draft has done its job; a consumed session keeps no copy of the pattern.
  await executor.update(onboardingSessions).set({ sealedDraft: null }).where(eq(onboardingSessions.idHash, idHash));
  const [token] = await executor
    .update(onboardingTokens)
    .set({ consumedAt: now })
    .where(and(eq(onboardingTokens.id, session.tokenId), usableToken(now)))
    .returning({ id: onboardingTokens.id, purpose: onboardingTokens.purpose });
  return token ? { userId: session.userId, purpose: token.purpose, sealedDraft: session.sealedDraft } : undefined;
}

/** Deletes onboarding sessions that ended (confirmed or timed out) before `before`. */
export async function deleteEndedOnboardingSessions(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(onboardingSessions)
    .where(or(lt(onboardingSessions.expiresAt, before), lt(onboardingSessions.consumedAt, before)))
    .returning({ idHash: onboardingSessions.idHash });
  return rows.length;
}

/** Deletes starting-guide links that were used, voided or expired before `before` (and their sessions). */
export async function deleteEndedTokens(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(onboardingTokens)
    .where(
      or(
        lt(onboardingTokens.expiresAt, before),
        lt(onboardingTokens.consumedAt, before),
        lt(onboardingTokens.voidedAt, before),
      ),
    )
    .returning({ id: onboardingTokens.id });
  return rows.length;
}
