import { and, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { emailOutbox } from "../schema";

/**
 * The email outbox as a queue: queueing, requeueing, counting and purging. Claiming and
 * settling by a dispatcher are in outbox-dispatch.ts. Times come in as arguments (never the
 * database's now()) so a dispatcher can run on an injected clock.
 */

export type OutboxStatus = (typeof emailOutbox.$inferSelect)["status"];

export type NewOutboxRow = {
  id: string;
  toAddress: string;
  template: string;
  locale: string;
  sealedProps: string;
  nextAttemptAt?: Date;
};

/** Queues one email. Pass the caller's transaction so the email commits with its cause. */
export async function insertOutboxEmail(executor: Executor, row: NewOutboxRow): Promise<void> {
  await executor.insert(emailOutbox).values(row);
}

/**
 * Queues many emails (bulk import): the same rows as insertOutboxEmail, each chunk as one JSON
 * parameter into one INSERT … SELECT instead of thousands of bound parameters.
 */
export async function insertOutboxEmails(executor: Executor, rows: readonly NewOutboxRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows
      .slice(i, i + 5000)
      .map((row) => ({ ...row, nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null }));
    await executor.execute(sql`
      insert into ${emailOutbox} (id, to_address, template, locale, sealed_props, next_attempt_at)
      select x.id, x."toAddress", x.template, x.locale, x."sealedProps", coalesce(x."nextAttemptAt", now())
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as x(id uuid, "toAddress" text, template text, locale text, "sealedProps" text, "nextAttemptAt" timestamptz)`);
  }
}

/**
 * Makes failed emails pending again with a fresh attempt count and no batch key. Pass ids to
 * retry only those. Returns how many were requeued.
 */
export async function retryFailedEmails(executor: Executor, options: { now: Date; ids?: string[] }): Promise<number> {
  const where = options.ids
    ? and(eq(emailOutbox.status, "failed"), inArray(emailOutbox.id, options.ids), isNotNull(emailOutbox.sealedProps))
    : and(eq(emailOutbox.status, "failed"), isNotNull(emailOutbox.sealedProps));
  const rows = await executor
    .update(emailOutbox)
    .set({
      status: "pending",
      attempts: 0,
      nextAttemptAt: options.now,
      claimedUntil: null,
      batchKey: null,
      lastError: null,
    })
    .where(where)
    .returning({ id: emailOutbox.id });
  return rows.length;
}

/** Number of outbox rows in each status (every status present, zero when none). */
export async function countOutboxByStatus(executor: Executor): Promise<Record<OutboxStatus, number>> {
  const rows = await executor
    .select({ status: emailOutbox.status, count: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .groupBy(emailOutbox.status);
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** How many emails wait to be sent, and for how long the oldest has waited (seconds, 0 when none). */
export async function pendingOutboxBacklog(
  executor: Executor,
  now: Date,
): Promise<{ pending: number; oldestSeconds: number }> {
  const [row] = await executor
    .select({ pending: sql<number>`count(*)::int`, oldest: sql<Date | null>`min(${emailOutbox.createdAt})` })
    .from(emailOutbox)
    .where(eq(emailOutbox.status, "pending"));
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return {
    pending: Number(row?.pending ?? 0),
    oldestSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
  };
}

/** Deletes emails that were delivered before `before` (their props were wiped when sent). */
export async function deleteSentEmails(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.status, "sent"), lt(emailOutbox.sentAt, before)))
    .returning({ id: emailOutbox.id });
  return rows.length;
}
