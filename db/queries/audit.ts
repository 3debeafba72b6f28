import { desc, eq } from "drizzle-orm";
import { getDb, type Executor } from "../client";
import { auditEvents } from "../schema";

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(executor: Executor, event: NewAuditEvent): Promise<void> {
  await executor.insert(auditEvents).values(event);
}

export async function listAuditEventsForSubject(subjectId: string, limit: number) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.subjectId, subjectId))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}
