import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { onboardingTokens, unlockLinks } from "../schema";

/** Emailed links that also need the identity check: they share the columns used here. */
export type IdentityLinkTable = typeof onboardingTokens | typeof unlockLinks;

/** Not consumed, not voided, not expired. */
export function usableLink(table: IdentityLinkTable, now: Date) {
  return and(isNull(table.consumedAt), isNull(table.voidedAt), gt(table.expiresAt, now));
}

/** Counts a wrong identity on a link atomically and voids the link at the limit. */
export async function recordFailedLinkVerification(
  executor: Executor,
  table: IdentityLinkTable,
  linkId: string,
  limit: number,
  now: Date,
) {
  // Both tables have these columns; drizzle's update() cannot take a union of tables.
  const link = table as typeof onboardingTokens;
  const [row] = await executor
    .update(link)
    .set({
      failedVerifications: sql`${link.failedVerifications} + 1`,
      voidedAt: sql`case when ${link.failedVerifications} + 1 >= ${limit} then ${now.toISOString()}::timestamptz else null end`,
    })
    .where(and(eq(link.id, linkId), usableLink(link, now)))
    .returning({ failures: link.failedVerifications, voidedAt: link.voidedAt });
  return row;
}
