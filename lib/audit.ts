import { getDb, type Executor } from "@/db/client";
import { insertAuditEvent } from "@/db/queries/audit";
import type { RequestContext } from "@/lib/request-context";

export type AuditEventName =
  | "user.registered"
  | "onboarding.guide_issued"
  | "onboarding.guide_resent"
  | "onboarding.link_opened"
  | "onboarding.identity_verified"
  | "onboarding.identity_failed"
  | "onboarding.link_voided"
  | "onboarding.pattern_set"
  | "terms.accepted"
  | "session.signed_out"
  | "login.succeeded"
  | "login.failed"
  | "login.locked"
  | "login.unlocked"
  | "login.rate_limited"
  | "account.reauthenticated"
  | "account.pattern_change_started"
  | "user.disabled"
  | "user.enabled"
  | "terms.published"
  | "demo.seeded";

export type AuditRecord = {
  event: AuditEventName;
  outcome?: "success" | "failure" | "info";
  actorId?: string | null;
  subjectId?: string | null;
  /** Only counts, codes and ids: never a pattern, token, answer or key. */
  details?: Record<string, string | number | boolean | null>;
};

/** Writes one audit event, inside the caller's transaction when it passes one. */
export async function recordAudit(record: AuditRecord, context: RequestContext, executor?: Executor): Promise<void> {
  await insertAuditEvent(executor ?? (await getDb()), {
    event: record.event,
    outcome: record.outcome ?? "info",
    actorId: record.actorId ?? null,
    subjectId: record.subjectId ?? null,
    ip: context.ip,
    userAgent: context.userAgent?.slice(0, 512) ?? null,
    details: record.details ?? null,
    occurredAt: context.now,
  });
}
