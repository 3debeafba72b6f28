import { and, count, desc, eq, gt } from "drizzle-orm";
import type { Executor } from "../../client";
import { auditEvents } from "../../schema";
import { actor, eventColumns } from "./log";

/** One user's history as the audit log tells it: their sign-ins and the events about them. */

const newestFirst = [desc(auditEvents.occurredAt), desc(auditEvents.id)] as const;

/** The user's most recent successful sign-ins, newest first. */
export async function listSuccessfulSignIns(executor: Executor, userId: string, limit: number) {
  return executor
    .select({ occurredAt: auditEvents.occurredAt, ip: auditEvents.ip })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, userId), eq(auditEvents.event, "login.succeeded")))
    .orderBy(...newestFirst)
    .limit(limit);
}

/** Failed sign-in attempts on the user's account after `since` (all of them when null). */
export async function countFailedSignIns(executor: Executor, userId: string, since: Date | null): Promise<number> {
  const conditions = [eq(auditEvents.subjectId, userId), eq(auditEvents.event, "login.failed")];
  if (since) conditions.push(gt(auditEvents.occurredAt, since));
  const [row] = await executor
    .select({ n: count() })
    .from(auditEvents)
    .where(and(...conditions));
  return Number(row?.n ?? 0);
}

/** The newest audit events about the user, as the user's own security page lists them. */
export async function listSecurityEvents(executor: Executor, userId: string, limit: number) {
  return executor
    .select({
      event: auditEvents.event,
      outcome: auditEvents.outcome,
      occurredAt: auditEvents.occurredAt,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .where(eq(auditEvents.subjectId, userId))
    .orderBy(...newestFirst)
    .limit(limit);
}

/** The newest audit events about the user, with the acting user's email (the operators' user page). */
export async function listUserAuditEvents(executor: Executor, userId: string, limit: number) {
  return executor
    .select({ ...eventColumns, actorId: auditEvents.actorId, actorEmail: actor.email, details: auditEvents.details })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .where(eq(auditEvents.subjectId, userId))
    .orderBy(...newestFirst)
    .limit(limit);
}
