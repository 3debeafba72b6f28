import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { emailOutbox } from "../schema";

/**
 * A dispatcher's SQL on the email outbox: claim due rows under a lease, then settle them (sent,
 * retry later, failed, or split into single-email batches). Times come in as arguments.
 */

export type ClaimedEmail = {
  id: string;
  toAddress: string;
  template: string;
  locale: string;
  sealedProps: string | null;
  attempts: number;
  batchKey: string;
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
    returning o.id, o.to_address as "toAddress", o.template, o.locale, o.sealed_props as "sealedProps", o.attempts, o.batch_key as "batchKey"
  `);
  const rows = (Array.isArray(result) ? result : (result as { rows: ClaimedEmail[] }).rows) as ClaimedEmail[];
  return rows
    .map((r) => ({ ...r, attempts: Number(r.attempts) }))
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
export async function markEmailSent(
  executor: Executor,
  id: string,
  options: { now: Date; providerId: string | null },
): Promise<void> {
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

/**
 * Settles those of the emails still pending (a settled one is never reopened): sets `values`
 * and releases the dispatcher's claim on them.
 */
async function settlePending(
  executor: Executor,
  ids: string[],
  values: PgUpdateSetSource<typeof emailOutbox>,
): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .update(emailOutbox)
    .set({ ...values, claimedUntil: null })
    .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, "pending")));
}

/** What every failed attempt records: one more attempt, and its error. */
const failedAttempt = (error: string) => ({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: error });

/** Counts a failed attempt and makes the emails due again at `nextAttemptAt`. */
export async function scheduleEmailRetry(
  executor: Executor,
  ids: string[],
  options: { nextAttemptAt: Date; error: string },
): Promise<void> {
  await settlePending(executor, ids, { ...failedAttempt(options.error), nextAttemptAt: options.nextAttemptAt });
}

/** Gives up on the emails (they stay sealed so an operator can retry them). */
export async function markEmailsFailed(executor: Executor, ids: string[], options: { error: string }): Promise<void> {
  await settlePending(executor, ids, { ...failedAttempt(options.error), status: "failed" });
}

/**
 * Splits a batch the provider rejected as a whole (so nothing of it was sent): each email gets
 * its own key, `keyPrefix` + SHA-256 of its id, and is due again at once.
 */
export async function splitBatch(
  executor: Executor,
  ids: string[],
  options: { now: Date; keyPrefix: string },
): Promise<void> {
  await settlePending(executor, ids, {
    batchKey: sql`${options.keyPrefix} || encode(sha256(convert_to(${emailOutbox.id}::text, 'UTF8')), 'hex')`,
    nextAttemptAt: options.now,
  });
}
