import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "../client";
import { termsAcceptances, termsTexts, termsVersions, users } from "../schema";

/** The newest published terms version (null before any), as a subquery for a user's row. */
export const currentTermsVersion = sql<number | null>`(select max(${termsVersions.version}) from ${termsVersions})`;

/** The newest terms version with its text in the locale (English when it has no such text). */
export async function findCurrentTerms(locale: string) {
  const db = await getDb();
  const [current] = await db.select().from(termsVersions).orderBy(desc(termsVersions.version)).limit(1);
  if (!current) return undefined;
  const texts = await db.select().from(termsTexts).where(eq(termsTexts.version, current.version));
  const text = texts.find((row) => row.locale === locale) ?? texts.find((row) => row.locale === "en") ?? texts[0];
  return text ? { version: current.version, publishedAt: current.publishedAt, title: text.title, body: text.body } : undefined;
}

/** Records the acceptance once per version and marks it on the user, atomically. */
export async function insertAcceptance(executor: Executor, values: { userId: string; version: number; ip: string | null; now: Date }) {
  await executor
    .insert(termsAcceptances)
    .values({ userId: values.userId, version: values.version, ip: values.ip, acceptedAt: values.now })
    .onConflictDoNothing();
  await executor
    .update(users)
    .set({ acceptedTermsVersion: values.version, updatedAt: values.now })
    .where(and(eq(users.id, values.userId)));
}
