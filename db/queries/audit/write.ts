import { sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { auditEvents } from "../../schema";

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(executor: Executor, event: NewAuditEvent): Promise<void> {
  await executor.insert(auditEvents).values(event);
}

/**
 * Inserts many events (a bulk import writes tens of thousands): each chunk travels as one JSON
 * parameter into one INSERT … SELECT, instead of thousands of bound parameters.
 */
export async function insertAuditEvents(executor: Executor, events: readonly NewAuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 5000) {
    const chunk = events
      .slice(i, i + 5000)
      .map((e) => ({ ...e, occurredAt: e.occurredAt instanceof Date ? e.occurredAt.toISOString() : e.occurredAt }));
    await executor.execute(sql`
      insert into ${auditEvents} (event, actor_id, subject_id, outcome, occurred_at, ip, user_agent, details)
      select x.event, x."actorId", x."subjectId", coalesce(x.outcome, 'info')::audit_outcome, coalesce(x."occurredAt", now()), x.ip, x."userAgent", x.details
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as x(event text, "actorId" uuid, "subjectId" uuid, outcome text, "occurredAt" timestamptz, ip text, "userAgent" text, details jsonb)`);
  }
}
