import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../client";
import { auditEvents, users } from "../../schema";

/** What the operators' audit log is filtered by. `to` is exclusive. */
export type AuditLogFilter = {
  event?: string;
  actorEmail?: string;
  subjectEmail?: string;
  from?: Date;
  to?: Date;
};

/** Keyset position: rows older than the event `before`, or newer than the event `after`. */
export type AuditLogPosition = { before?: number; after?: number };

export type AuditLogRow = {
  id: number;
  event: string;
  outcome: "success" | "failure" | "info";
  occurredAt: Date;
  ip: string | null;
  userAgent: string | null;
  actorId: string | null;
  actorEmail: string | null;
  subjectId: string | null;
  subjectEmail: string | null;
  details: Record<string, string | number | boolean | null> | null;
};

/** The acting user, joined for their address. */
export const actor = alias(users, "actor");
const subject = alias(users, "subject");

/** What every listing of audit events shows of an event. */
export const eventColumns = {
  id: auditEvents.id,
  event: auditEvents.event,
  outcome: auditEvents.outcome,
  occurredAt: auditEvents.occurredAt,
  ip: auditEvents.ip,
};

const userIdByEmail = (email: string) =>
  sql`(select ${users.id} from ${users} where lower(${users.email}) = lower(${email}) limit 1)`;
const positionOf = (id: number) =>
  sql`(select ${auditEvents.occurredAt}, ${auditEvents.id} from ${auditEvents} where ${auditEvents.id} = ${id})`;

function conditions(filter: AuditLogFilter, position: AuditLogPosition): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filter.event) where.push(eq(auditEvents.event, filter.event));
  // An address nobody has matches no event (the subquery is null).
  if (filter.actorEmail) where.push(sql`${auditEvents.actorId} = ${userIdByEmail(filter.actorEmail)}`);
  if (filter.subjectEmail) where.push(sql`${auditEvents.subjectId} = ${userIdByEmail(filter.subjectEmail)}`);
  if (filter.from) where.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) where.push(lt(auditEvents.occurredAt, filter.to));
  // Row comparison on (occurred_at, id): exact, whatever the timestamps' precision.
  if (position.before !== undefined)
    where.push(sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < ${positionOf(position.before)}`);
  if (position.after !== undefined)
    where.push(sql`(${auditEvents.occurredAt}, ${auditEvents.id}) > ${positionOf(position.after)}`);
  return and(...where);
}

/**
 * One page of audit events, newest first, with actor and subject addresses. Keyset paging:
 * `before` gives the page after a row, `after` the page before it (returned newest first too).
 */
export async function listAuditLog(
  executor: Executor,
  filter: AuditLogFilter,
  position: AuditLogPosition,
  limit: number,
): Promise<AuditLogRow[]> {
  const newerFirst = position.after === undefined;
  const rows = await executor
    .select({
      ...eventColumns,
      userAgent: auditEvents.userAgent,
      actorId: auditEvents.actorId,
      actorEmail: actor.email,
      subjectId: auditEvents.subjectId,
      subjectEmail: subject.email,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(subject, eq(subject.id, auditEvents.subjectId))
    .where(conditions(filter, position))
    .orderBy(
      ...(newerFirst
        ? [desc(auditEvents.occurredAt), desc(auditEvents.id)]
        : [asc(auditEvents.occurredAt), asc(auditEvents.id)]),
    )
    .limit(limit);
  return newerFirst ? rows : rows.reverse();
}
