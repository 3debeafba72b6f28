import { getDb, transaction } from "@/db/client";
import { findCurrentTerms, insertAcceptance } from "@/db/queries/terms";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/http/request-context";
import { configuredOrganization } from "@/lib/platform/organization";
import { fillTermsPlaceholders } from "./placeholders";

export { fillTermsPlaceholders, TERMS_PLACEHOLDERS } from "./placeholders";

/**
 * The newest terms version with its text in the locale (English when it has no such text), as
 * customers read it: {organization}, {organizationAddress} and {privacyContact} in the title and
 * text are replaced with the configured organization. The stored text keeps the tokens (the
 * operators' terms page shows and edits it as stored).
 */
export async function currentTerms(locale: string) {
  const terms = await findCurrentTerms(await getDb(), locale);
  if (!terms) return undefined;
  const organization = configuredOrganization();
  return {
    ...terms,
    title: fillTermsPlaceholders(terms.title, organization),
    body: fillTermsPlaceholders(terms.body, organization),
  };
}

/**
 * Accepts the terms version the user was shown. Only the current version can be accepted: a
 * page left open across a publication must be read again.
 */
export async function acceptTerms(userId: string, shownVersion: number, context: RequestContext): Promise<boolean> {
  const current = await currentTerms("en");
  if (!current || current.version !== shownVersion) return false;
  await transaction(async (tx) => {
    await insertAcceptance(tx, { userId, version: current.version, ip: context.ip, now: context.now });
    await recordAudit(
      {
        event: "terms.accepted",
        subjectId: userId,
        actorId: userId,
        outcome: "success",
        details: { version: current.version },
      },
      context,
      tx,
    );
  });
  return true;
}
