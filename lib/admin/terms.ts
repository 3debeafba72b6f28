import { z } from "zod";
import { getDb, transaction } from "@/db/client";
import { findTermsTexts, insertTermsVersion, listTermsVersions } from "@/db/queries/terms";
import type { RequestContext } from "@/lib/http/request-context";
import { recordAudit } from "@/lib/audit";

/**
 * Terms text keeps its line breaks and tabs; other control characters go (PostgreSQL refuses
 * NUL, and none belongs in a text people read).
 */
const text = (max: number) =>
  z
    .string({ error: "required" })
    .transform((value) =>
      value
        .replace(/\r\n?/g, "\n")
        .replace(/[^\P{Cc}\n\t]/gu, "")
        .trim(),
    )
    .pipe(z.string().min(1, { error: "required" }).max(max, { error: "tooLong" }));

const termsText = z.object({ title: text(200), body: text(100_000) }, { error: "required" });

/** English is required (it is the fallback for every other locale); Japanese is optional. */
export const termsSchema = z.object({ en: termsText, ja: termsText.optional() }, { error: "required" });
export type TermsInput = z.input<typeof termsSchema>;

/** Field errors keyed by path ("en.title", "ja.body"), as catalogue keys. */
export type TermsFieldErrors = Partial<Record<string, string>>;

export type PublishTermsResult = { ok: true; version: number } | { ok: false; fieldErrors: TermsFieldErrors };

/**
 * Publishes a new terms version. Every signed-in user has to accept it on their next request
 * (sessions compare the accepted version with the newest one); acceptances of older versions
 * are kept as records.
 */
export async function publishTerms(
  input: unknown,
  actorId: string | null,
  context: RequestContext,
): Promise<PublishTermsResult> {
  const parsed = termsSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: TermsFieldErrors = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const texts = Object.entries(parsed.data)
    .filter((entry): entry is [string, { title: string; body: string }] => entry[1] !== undefined)
    .map(([locale, { title, body }]) => ({ locale, title, body }));
  const version = await transaction(async (tx) => {
    const published = await insertTermsVersion(tx, { texts, publishedBy: actorId, now: context.now });
    await recordAudit(
      {
        event: "terms.published",
        actorId,
        outcome: "success",
        details: { version: published, locales: texts.map((t) => t.locale).join(",") },
      },
      context,
      tx,
    );
    return published;
  });
  return { ok: true, version };
}

export type TermsVersionSummary = { version: number; publishedAt: Date; publisherEmail: string | null };

/** The operators' terms page: every version (newest first) and the current one's texts. */
export async function termsOverview(): Promise<{
  versions: TermsVersionSummary[];
  current: { version: number; texts: Partial<Record<string, { title: string; body: string }>> } | null;
}> {
  const db = await getDb();
  const versions = await listTermsVersions(db);
  const latest = versions[0];
  if (!latest) return { versions, current: null };
  const texts = await findTermsTexts(db, latest.version);
  return {
    versions,
    current: {
      version: latest.version,
      texts: Object.fromEntries(texts.map(({ locale, title, body }) => [locale, { title, body }])),
    },
  };
}
