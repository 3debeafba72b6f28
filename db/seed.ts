import type { Database } from "./client";
import { termsTexts, termsVersions } from "./schema";
import { termsV1 } from "./reference/terms-v1";

/**
 * Reference data every install needs; safe to run on every start. The terms are stored as
 * written, {organization}-style tokens included: lib/terms fills them in when they are shown.
 */
export async function seedReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(termsVersions).values({ version: 1 }).onConflictDoNothing().returning();
    if (inserted.length === 0) return;
    await tx
      .insert(termsTexts)
      .values(
        Object.entries(termsV1).map(([locale, text]) => ({ version: 1, locale, title: text.title, body: text.body })),
      );
  });
}
