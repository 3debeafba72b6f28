import { and, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { devMailbox, emailOutbox } from "../schema";

/**
 * All SQL for the email outbox and the development mailbox. Times come in as arguments (never
 * the database's now()) so a dispatcher can run on an injected clock.
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
    const chunk = rows.slice(i, i + 5000).map((row) => ({ ...row, nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null }));
    await executor.execute(sql`
      insert into ${emailOutbox} (id, to_address, template, locale, sealed_props, next_attempt_at)
      select x.id, x."toAddress", x.template, x.locale, x."sealedProps", coalesce(x."nextAttemptAt", now())
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as x(id uuid, "toAddress" text, template text, locale text, "sealedProps" text, "nextAttemptAt" timestamptz)`);
  }
}

export type ClaimedEmail = {
  id: string;
  toAddress: string;
  template: string;
  locale: string;
  sealedProps: string | null;
  attempts: number;
  batchKey: string;
};

type ClaimedRow = {
  id: string;
  to_address: string;
  template: string;
  locale: string;
  sealed_props: string | null;
  attempts: number;
  batch_key: string;
};

/**
 * Claims due emails for one dispatcher: at most `limit` due rows (oldest first, skipping rows
 * another dispatcher holds), plus every other unclaimed pending member of a batch that one of
 * them belongs to, so a batch is always retried whole. Rows that had no batch key get one now:
 * `keyPrefix` + SHA-256 of their sorted ids, fixed before anything is sent. Claimed rows are
 * leased until `now + leaseMs`; an expired lease makes them claimable again. `recipients`
 * limits the claim to emails for those addresses (tools and tests on a shared database).
 */
export async function claimDueEmails(
  executor: Executor,
  options: { now: Date; limit: number; leaseMs: number; keyPrefix: string; recipients?: readonly string[] },
): Promise<ClaimedEmail[]> {
  const { now, limit, leaseMs, keyPrefix, recipients } = options;
  const onlyRecipients = recipients
    ? sql`and lower(to_address) in (${sql.join(recipients.length > 0 ? recipients.map((r) => sql`${r.toLowerCase()}`) : [sql`null`], sql`, `)})`
    : sql``;
  const nowIso = now.toISOString();
  const leaseEnd = new Date(now.getTime() + leaseMs).toISOString();
  const result = await executor.execute(sql`
    with due as (
      select id, batch_key from email_outbox
      where status = 'pending'
        and next_attempt_at <= ${nowIso}::timestamptz
        and (claimed_until is null or claimed_until < ${nowIso}::timestamptz)
        ${onlyRecipients}
      order by created_at, id
      limit ${limit}
      for update skip locked
    ),
    fresh as (
      select ${keyPrefix} || encode(sha256(convert_to(string_agg(id::text, ',' order by id), 'UTF8')), 'hex') as batch_key
      from due where batch_key is null
    )
    update email_outbox o
    set claimed_until = ${leaseEnd}::timestamptz,
        batch_key = coalesce(o.batch_key, (select batch_key from fresh))
    where o.id in (select id from due)
       or (o.batch_key in (select batch_key from due where batch_key is not null)
           and o.status = 'pending'
           and (o.claimed_until is null or o.claimed_until < ${nowIso}::timestamptz))
    returning o.id, o.to_address, o.template, o.locale, o.sealed_props, o.attempts, o.batch_key
  `);
  const rows = (Array.isArray(result) ? result : (result as { rows: ClaimedRow[] }).rows) as ClaimedRow[];
  return rows
    .map((r) => ({
      id: r.id,
      toAddress: r.to_address,
      template: r.template,
      locale: r.locale,
      sealedProps: r.sealed_props,
      attempts: Number(r.attempts),
      batchKey: r.batch_key,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How many pending emails carry each batch key (to detect a batch claimed only in part). */
export async function countPendingByBatchKey(executor: Executor, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await executor
    .select({ batchKey: emailOutbox.batchKey, count: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "pending"), inArray(emailOutbox.batchKey, keys)))
    .groupBy(emailOutbox.batchKey);
  return new Map(rows.map((r) => [r.batchKey ?? "", Number(r.count)]));
}

/** Gives claimed rows back without counting an attempt. */
export async function releaseClaims(executor: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await executor.update(emailOutbox).set({ claimedUntil: null }).where(inArray(emailOutbox.id, ids));
}

/** Marks an email sent and wipes its sealed props: nothing secret stays behind. */
export async function markEmailSent(executor: Executor, id: string, options: { now: Date; providerId: string | null }): Promise<void> {
  await executor
    .update(emailOutbox)
    .set({
      status: "sent",
      sentAt: options.now,
      providerId: options.providerId,
      sealedProps: null,
      claimedUntil: null,
      lastError: null,
    })
    .where(eq(emailOutbox.id, id));
}

/** Counts a failed attempt and makes the emails due again at `nextAttemptAt`. */
export async function scheduleEmailRetry(
  executor: Executor,
  ids: string[],
  options: { nextAttemptAt: Date; error: string },
): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .update(emailOutbox)
    .set({
      attempts: sql`${emailOutbox.attempts} + 1`,
      nextAttemptAt: options.nextAttemptAt,
      claimedUntil: null,
      lastError: options.error,
    })
    .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, "pending")));
}

/** Gives up on the emails (they stay sealed so an operator can retry them). */
export async function markEmailsFailed(executor: Executor, ids: string[], options: { error: string }): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .update(emailOutbox)
    .set({ status: "failed", attempts: sql`${emailOutbox.attempts} + 1`, claimedUntil: null, lastError: options.error })
    .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, "pending")));
}

/**
 * Splits a batch the provider rejected as a whole (so nothing of it was sent): each email gets
 * its own key, `keyPrefix` + SHA-256 of its id, and is due again at once.
 */
export async function splitBatch(executor: Executor, ids: string[], options: { now: Date; keyPrefix: string }): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .update(emailOutbox)
    .set({
      batchKey: sql`${options.keyPrefix} || encode(sha256(convert_to(${emailOutbox.id}::text, 'UTF8')), 'hex')`,
      claimedUntil: null,
      nextAttemptAt: options.now,
    })
    .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, "pending")));
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
    .set({ status: "pending", attempts: 0, nextAttemptAt: options.now, claimedUntil: null, batchKey: null, lastError: null })
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

export type DevMailboxEntry = typeof devMailbox.$inferSelect;

/** Stores a captured email; capturing the same outbox row twice keeps the first copy. */
export async function insertDevMailboxEmail(
  executor: Executor,
  entry: { outboxId: string; toAddress: string; subject: string; html: string; text: string; createdAt: Date },
): Promise<string> {
  const inserted = await executor
    .insert(devMailbox)
    .values(entry)
    .onConflictDoNothing({ target: devMailbox.outboxId })
    .returning({ id: devMailbox.id });
  if (inserted[0]) return inserted[0].id;
  const existing = await executor
    .select({ id: devMailbox.id })
    .from(devMailbox)
    .where(eq(devMailbox.outboxId, entry.outboxId));
  return existing[0]!.id;
}

/** Captured emails, newest first; optionally only those sent to one address. */
export async function listDevMailbox(executor: Executor, options: { limit: number; toAddress?: string }): Promise<DevMailboxEntry[]> {
  return executor
    .select()
    .from(devMailbox)
    .where(options.toAddress ? sql`lower(${devMailbox.toAddress}) = lower(${options.toAddress})` : undefined)
    .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
    .limit(options.limit);
}

/** Deletes emails that were delivered before `before` (their props were wiped when sent). */
export async function deleteSentEmails(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.status, "sent"), lt(emailOutbox.sentAt, before)))
    .returning({ id: emailOutbox.id });
  return rows.length;
}
