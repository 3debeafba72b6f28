import { getDb, type Executor } from "@/db/client";
import { insertAuditEvent } from "@/db/queries/audit";
import type { AuditRecord } from "@/lib/audit";
import type { RequestContext } from "@/lib/request-context";

/**
 * Audit events of operator (and development seeding) actions. They are written exactly like
 * `recordAudit` writes its events; the names live here until lib/audit.ts lists them.
 */
export type AdminAuditEventName = "user.disabled" | "user.enabled" | "terms.published" | "demo.seeded";

export type AdminAuditRecord = Omit<AuditRecord, "event"> & { event: AdminAuditEventName };

export async function recordAdminAudit(record: AdminAuditRecord, context: RequestContext, executor?: Executor): Promise<void> {
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
