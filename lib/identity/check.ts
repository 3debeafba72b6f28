import { getDb, type Executor } from "@/db/client";
import { recordAudit, type AuditEventName } from "@/lib/audit";
import { hashToken, isToken } from "@/lib/crypto";
import { fieldErrorsOf, identitySchema, sameIdentity, type FieldErrors, type Identity } from "@/lib/identity";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import type { RequestContext } from "@/lib/http/request-context";

/**
 * The identity check behind an emailed link (starting guide, unlock): the person holding the
 * link types email, name and phone, which must equal what was registered. Wrong identities
 * count on the link, and the link is voided at the limit.
 */

export const MAX_VERIFICATION_FAILURES = 5;

export type IdentityField = "email" | "name" | "phone";

export type IdentityCheckFailure =
  | { ok: false; fieldErrors: FieldErrors<IdentityField> }
  | { ok: false; error: "mismatch"; remaining: number }
  | { ok: false; error: "link-invalid" | "link-voided" | "rate-limited" };

/** Where one kind of link is found and its failures counted, and how they are audited. */
export type IdentityLinks<Link extends Identity & { linkId: string; userId: string }> = {
  find(executor: Executor, tokenHash: string, now: Date): Promise<Link | undefined>;
  recordFailure(
    executor: Executor,
    linkId: string,
    limit: number,
    now: Date,
  ): Promise<{ failures: number; voidedAt: Date | null } | undefined>;
  events: { failed: AuditEventName; voided: AuditEventName };
};

/** Whether a link can still be used. Reading it changes nothing (mail scanners open links). */
export async function isLinkUsable<Link extends Identity & { linkId: string; userId: string }>(
  links: IdentityLinks<Link>,
  token: string,
  now: Date,
) {
  return isToken(token) && (await links.find(await getDb(), hashToken(token), now)) !== undefined;
}

/** The link when the typed identity matches it; otherwise why not, after counting the failure. */
export async function checkLinkIdentity<Link extends Identity & { linkId: string; userId: string }>(
  links: IdentityLinks<Link>,
  token: string,
  input: unknown,
  context: RequestContext,
): Promise<{ ok: true; link: Link } | IdentityCheckFailure> {
  const parsed = identitySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf<IdentityField>(parsed.error) };
  if (!(await consumeRateLimit(RATE_LIMITS.verifyPerIp, context.ip, context.now)))
    return { ok: false, error: "rate-limited" };
  const db = await getDb();
  const link = isToken(token) ? await links.find(db, hashToken(token), context.now) : undefined;
  if (!link) return { ok: false, error: "link-invalid" };
  if (sameIdentity(link, parsed.data)) return { ok: true, link };

  const counted = await links.recordFailure(db, link.linkId, MAX_VERIFICATION_FAILURES, context.now);
  if (!counted) return { ok: false, error: "link-invalid" };
  await recordAudit(
    { event: links.events.failed, subjectId: link.userId, outcome: "failure", details: { failures: counted.failures } },
    context,
  );
  if (counted.voidedAt !== null) {
    await recordAudit(
      { event: links.events.voided, subjectId: link.userId, outcome: "info", details: { reason: "too-many-failures" } },
      context,
    );
    return { ok: false, error: "link-voided" };
  }
  return { ok: false, error: "mismatch", remaining: MAX_VERIFICATION_FAILURES - counted.failures };
}
