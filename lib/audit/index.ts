import { getDb, type Executor } from "@/db/client";
import { insertAuditEvent, insertAuditEvents, type NewAuditEvent } from "@/db/queries/audit";
import type { RequestContext } from "@/lib/http/request-context";

/** Every audit event name, in one list (the admin audit log filters by these). */
export const AUDIT_EVENT_NAMES = [
  "user.registered",
  "onboarding.guide_issued",
  "onboarding.guide_resent",
  "onboarding.link_opened",
  "onboarding.identity_verified",
  "onboarding.identity_failed",
  "onboarding.link_voided",
  "onboarding.pattern_set",
  "terms.accepted",
  "session.signed_out",
  "session.ended_everywhere",
  "session.ended",
  "login.succeeded",
  "login.failed",
  "login.locked",
  "login.unlocked",
  "login.unlock_identity_failed",
  "login.unlock_link_voided",
  "login.unlock_link_renewed",
  "login.rate_limited",
  "account.reauthenticated",
  "account.pattern_change_started",
  "user.disabled",
  "user.enabled",
  "user.pattern_reset",
  "user.profile_updated",
  "terms.published",
  "demo.seeded",
  "users.imported",
  "users.exported",
  "audit.exported",
  "mail.retried",
  "second_factor.passkey_added",
  "second_factor.passkey_removed",
  "second_factor.authenticator_app_enabled",
  "second_factor.authenticator_app_disabled",
  "second_factor.recovery_codes_generated",
  "second_factor.recovery_code_used",
  "second_factor.reset",
  "user.second_factor_requirement_changed",
  "oidc.client_registered",
  "oidc.client_secret_rotated",
  "oidc.client_disabled",
  "oidc.client_enabled",
  "oidc.client_deleted",
  "oidc.authorized",
  "oidc.authorization_refused",
  "oidc.consent_given",
  "oidc.consent_denied",
  "oidc.consent_revoked",
  "oidc.token_issued",
  "oidc.token_refused",
  "oidc.signed_out",
  "oidc.keys_rotated",
] as const;

export type AuditEventName = (typeof AUDIT_EVENT_NAMES)[number];

export type AuditRecord = {
  event: AuditEventName;
  outcome?: "success" | "failure" | "info";
  actorId?: string | null;
  subjectId?: string | null;
  /** Only counts, codes and ids: never a pattern, token, answer or key. */
  details?: Record<string, string | number | boolean | null>;
};

function auditRow(record: AuditRecord, context: RequestContext): NewAuditEvent {
  return {
    event: record.event,
    outcome: record.outcome ?? "info",
    actorId: record.actorId ?? null,
    subjectId: record.subjectId ?? null,
    ip: context.ip,
    userAgent: context.userAgent?.slice(0, 512) ?? null,
    details: record.details ?? null,
    occurredAt: context.now,
  };
}

/** Writes one audit event, inside the caller's transaction when it passes one. */
export async function recordAudit(record: AuditRecord, context: RequestContext, executor?: Executor): Promise<void> {
  await insertAuditEvent(executor ?? (await getDb()), auditRow(record, context));
}

/** Writes many audit events with a few multi-row inserts (bulk operations such as an import). */
export async function recordAuditMany(
  records: readonly AuditRecord[],
  context: RequestContext,
  executor?: Executor,
): Promise<void> {
  await insertAuditEvents(
    executor ?? (await getDb()),
    records.map((record) => auditRow(record, context)),
  );
}
