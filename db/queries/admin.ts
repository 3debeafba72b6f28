import { desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { matrixCredentials, termsTexts, termsVersions, users } from "../schema";

type UserStatus = (typeof users.$inferSelect)["status"];

/**
 * The user whose status an operator is about to change, locked until the transaction ends so
 * two operators (or a confirm racing a disable) cannot interleave.
 */
export async function lockUserForStatusChange(executor: Executor, userId: string) {
  const [row] = await executor
    .select({
      id: users.id,
      status: users.status,
      role: users.role,
      hasCredential: sql<boolean>`exists (select 1 from ${matrixCredentials} where ${matrixCredentials.userId} = ${users.id})`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update")
    .limit(1);
  return row;
}

/** Sets the status and bumps the session version, ending every session of the user at once. */
export async function setStatusAndEndSessions(executor: Executor, userId: string, status: UserStatus, now: Date) {
  const [row] = await executor
    .update(users)
    .set({ status, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(eq(users.id, userId))
    .returning({ status: users.status, sessionVersion: users.sessionVersion });
  return row!;
}

export type TermsText = { locale: string; title: string; body: string };

/**
 * Publishes the next terms version with its texts. The table is locked for the transaction,
 * so concurrent publications get consecutive numbers instead of a key conflict.
 */
export async function insertTermsVersion(
  executor: Executor,
  values: { texts: readonly TermsText[]; publishedBy: string | null; now: Date },
): Promise<number> {
  await executor.execute(sql`lock table ${termsVersions} in share row exclusive mode`);
  const [latest] = await executor.select({ version: sql<number | null>`max(${termsVersions.version})` }).from(termsVersions);
  const version = Number(latest?.version ?? 0) + 1;
  await executor.insert(termsVersions).values({ version, publishedAt: values.now, publishedBy: values.publishedBy });
  await executor.insert(termsTexts).values(values.texts.map((text) => ({ version, ...text })));
  return version;
}

/** Every terms version, newest first, with the publisher's address (null for the system). */
export async function listTermsVersions(executor: Executor) {
  return executor
    .select({ version: termsVersions.version, publishedAt: termsVersions.publishedAt, publisherEmail: users.email })
    .from(termsVersions)
    .leftJoin(users, eq(users.id, termsVersions.publishedBy))
    .orderBy(desc(termsVersions.version));
}

/** The texts of one terms version, one per locale. */
export async function findTermsTexts(executor: Executor, version: number): Promise<TermsText[]> {
  return executor.select({ locale: termsTexts.locale, title: termsTexts.title, body: termsTexts.body }).from(termsTexts).where(eq(termsTexts.version, version));
}
