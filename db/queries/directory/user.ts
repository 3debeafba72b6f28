import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { matrixCredentials, onboardingTokens, patternHistory, users } from "../../schema";
import { ts } from "../sql";
import { profileColumns } from "../users";

/** The operators' page for one user: what it shows, and the profile fields it may correct. */

/** Everything the user detail page shows. Never the pattern: only whether one is set. */
export async function findDirectoryUser(executor: Executor, userId: string, now: Date) {
  const [row] = await executor
    .select({
      ...profileColumns,
      consecutiveFailures: users.consecutiveFailures,
      failuresSinceUnlock: users.failuresSinceUnlock,
      lockedUntil: users.lockedUntil,
      lastSignInAt: users.lastSignInAt,
      lastSignInIp: users.lastSignInIp,
      acceptedTermsVersion: users.acceptedTermsVersion,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      hasPassword: sql<boolean>`${matrixCredentials.userId} is not null`,
      passwordSetAt: matrixCredentials.createdAt,
      guideExpiresAt: sql<Date | null>`(
        select max(${onboardingTokens.expiresAt}) from ${onboardingTokens}
        where ${onboardingTokens.userId} = ${users.id} and ${onboardingTokens.consumedAt} is null
          and ${onboardingTokens.voidedAt} is null and ${onboardingTokens.expiresAt} > ${ts(now)}
      )`,
    })
    .from(users)
    .leftJoin(matrixCredentials, eq(matrixCredentials.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return undefined;
  // Raw subquery values come back as text on some drivers.
  return { ...row, guideExpiresAt: row.guideExpiresAt ? new Date(row.guideExpiresAt) : null };
}

/** Whether the user ever had a matrix password (a new starting guide is then a reset). */
export async function hadPassword(executor: Executor, userId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: patternHistory.id })
    .from(patternHistory)
    .where(eq(patternHistory.userId, userId))
    .limit(1);
  return row !== undefined;
}

/** Changes the profile fields an operator may correct. False when there is no such user. */
export async function updateProfile(
  executor: Executor,
  userId: string,
  values: { name: string; phone: string; company: string | null },
  now: Date,
): Promise<boolean> {
  const rows = await executor
    .update(users)
    .set({ ...values, updatedAt: now })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return rows.length === 1;
}
