import { and, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditEventName } from "@/lib/audit";

/** How many audit events of one kind name this subject. */
export async function auditCount(event: AuditEventName, subjectId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.subjectId, subjectId)));
  return row!.n;
}

/** The audit events of one kind that name this subject. */
export async function auditRows(event: AuditEventName, subjectId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.subjectId, subjectId)));
}
