import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { termsAcceptances, termsTexts, termsVersions, users } from "../schema";

/** The newest published terms version (null before any), as a subquery for a user's row. */
export const currentTermsVersion = sql<number | null>`(select max(${termsVersions.version}) from ${termsVersions})`;

/** The newest terms version with its text in the locale (English when it has no such text). */
export async function findCurrentTerms(executor: Executor, locale: string) {
  const [current] = await executor.select().from(termsVersions).orderBy(desc(termsVersions.version)).limit(1);
  if (!current) return undefined;
  const texts = await executor.select().from(termsTexts).where(eq(termsTexts.version, current.version));
  const text = texts.find((row) => row.locale === locale) ?? texts.find((row) => row.locale === "en") ?? texts[0];
  return text
    ? { version: current.version, publishedAt: current.publishedAt, title: text.title, body: text.body }
    : undefined;
}

/** Records the acceptance once per version and marks it on the user, atomically. */
export async function insertAcceptance(
  executor: Executor,
  values: { userId: string; version: number; ip: string | null; now: Date },
) {
  await executor
    .insert(termsAcceptances)
    .values({ userId: values.userId, version: values.version, ip: values.ip, acceptedAt: values.now })
    .onConflictDoNothing();
  await executor
    .update(users)
    .set({ acceptedTermsVersion: values.version, updatedAt: values.now })
    .where(and(eq(users.id, values.userId)));
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
  const [latest] = await executor
    .select({ version: sql<number | null>`max(${termsVersions.version})` })
    .from(termsVersions);
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
  return executor
    .select({ locale: termsTexts.locale, title: termsTexts.title, body: termsTexts.body })
    .from(termsTexts)
    .where(eq(termsTexts.version, version));
}
