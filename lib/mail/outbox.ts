import { randomUUID } from "node:crypto";
import { getDb, type Executor } from "@/db/client";
import {
  claimDueEmails,
  countOutboxByStatus,
  countPendingByBatchKey,
  insertOutboxEmail,
  insertOutboxEmails,
  markEmailSent,
  markEmailsFailed,
  releaseClaims,
  retryFailedEmails as requeueFailedEmails,
  scheduleEmailRetry,
  splitBatch,
  type ClaimedEmail,
  type OutboxStatus,
} from "@/db/queries/outbox";
import { renderEmail, isEmailTemplateName, type EmailEnvelope, type EmailMessage } from "@/emails";
import { env } from "@/env";
import { now as clockNow } from "@/lib/platform/clock";
import { openJson, parseKeyring, sealJson, type Keyring } from "@/lib/crypto";
import { defaultLocale, displayTimeZone, isLocale, type Locale } from "@/lib/i18n/config";
import { describeError, mailLog } from "./log";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry-policy";
import { createCaptureTransport, createResendTransport, type DeliveryOutcome, type MailTransport, type OutgoingEmail } from "./transport";

/** Every Idempotency-Key we send starts with this, followed by a SHA-256 of outbox ids. */
export const IDEMPOTENCY_KEY_PREFIX = "matrix-portal-mail/";
/** How long a dispatcher owns the rows it claimed; longer than a pass with its timeouts. */
const LEASE_MS = 5 * 60_000;
/** Resend accepts at most 100 emails per batch request. */
const MAX_BATCH = 100;

export type QueueEmailInput = EmailMessage & {
  /** Recipient address. */
  to: string;
  /** Recipient's language; anything unsupported falls back to the default locale. */
  locale: Locale | string;
  /** Send no earlier than this (default: as soon as possible). */
  notBefore?: Date;
};

let cachedKeyring: Keyring | undefined;
function keyring(): Keyring {
  cachedKeyring ??= parseKeyring(env.PATTERN_KEY_ID, env.PATTERN_KEY, env.PATTERN_KEYS_PREVIOUS);
  return cachedKeyring;
}

/**
 * Authenticated context of the sealed props: they open only for this row, template and
 * recipient, so nobody with write access to the table can redirect a link to another address.
 */
function sealContext(row: { id: string; template: string; toAddress: string }): string {
  return `email-outbox:${row.id}:${row.template}:${row.toAddress}`;
}

/**
 * Queues an email. Pass the transaction of the change that causes it, so the email exists
 * exactly when that change commits. The props are sealed (AES-256-GCM); call
 * `scheduleMailDispatch()` after the commit to send without waiting for the worker.
 */
export async function queueEmail(executor: Executor, input: QueueEmailInput): Promise<{ id: string }> {
  const row = outboxRow(input);
  await insertOutboxEmail(executor, row);
  return { id: row.id };
}

/** queueEmail for many emails at once (bulk import): the same sealed rows, a few multi-row inserts. */
export async function queueEmails(executor: Executor, inputs: readonly QueueEmailInput[]): Promise<{ id: string }[]> {
  const rows = inputs.map(outboxRow);
  await insertOutboxEmails(executor, rows);
  return rows.map((row) => ({ id: row.id }));
}

function outboxRow(input: QueueEmailInput) {
  if (!isEmailTemplateName(input.template)) throw new TypeError("Unknown email template");
  const to = input.to.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(to)) throw new TypeError("Invalid recipient address");
  const row = { id: randomUUID(), template: input.template, toAddress: to };
  return {
    ...row,
    locale: isLocale(input.locale) ? input.locale : defaultLocale,
    nextAttemptAt: input.notBefore,
    sealedProps: sealJson(input.props, sealContext(row), keyring().current),
  };
}

export type DispatchOptions = {
  /** The dispatcher's clock (tests inject one); defaults to the portal's clock (lib/platform/clock.ts). */
  now?: Date;
  /** Most emails claimed in one pass (1 to 100, default 100). */
  batchSize?: number;
  /** Where emails go; defaults to MAIL_TRANSPORT ("resend" or the dev "outbox"). */
  transport?: MailTransport;
  /** Randomness for backoff jitter (tests may fix it). */
  random?: () => number;
  /** Only emails to these addresses (for tools and tests sharing a database). */
  recipients?: readonly string[];
};

export type DispatchResult = {
  /** Rows claimed in this pass. */
  claimed: number;
  sent: number;
  /** Scheduled for another attempt. */
  retried: number;
  /** Given up on (too many attempts, or refused for good). */
  failed: number;
  /** Given back unsent without counting an attempt (rate limited, partly claimed batch, split batch). */
  deferred: number;
  /** True when the provider rate-limited this pass. */
  rateLimited: boolean;
};

let defaultTransportInstance: MailTransport | undefined;

export function defaultMailTransport(): MailTransport {
  if (defaultTransportInstance) return defaultTransportInstance;
  if (env.MAIL_TRANSPORT === "resend") {
    defaultTransportInstance = createResendTransport({
      apiKey: env.RESEND_API_KEY!,
      from: env.EMAIL_FROM,
      baseUrl: env.RESEND_BASE_URL,
      requestsPerSecond: env.RESEND_REQUESTS_PER_SECOND,
    });
  } else {
    if (env.NODE_ENV === "production") {
      // Captured emails hold their links in plain text: never in production.
      throw new Error("MAIL_TRANSPORT=outbox (the development mailbox) is not available in production; set RESEND_API_KEY");
    }
    defaultTransportInstance = createCaptureTransport();
  }
  return defaultTransportInstance;
}

function envelopeFor(locale: string): EmailEnvelope {
  return {
    locale: isLocale(locale) ? locale : defaultLocale,
    appUrl: env.APP_URL,
    supportContact: env.OPERATOR_CONTACT,
    timeZone: displayTimeZone,
  };
}

async function prepare(row: ClaimedEmail): Promise<OutgoingEmail> {
  if (!isEmailTemplateName(row.template) || row.sealedProps === null) throw new TypeError("Unsendable outbox row");
  const props = openJson(row.sealedProps, sealContext(row), keyring().all);
  const message = { template: row.template, props } as EmailMessage;
  const rendered = await renderEmail(message, envelopeFor(row.locale));
  return { id: row.id, to: row.toAddress, ...rendered };
}

/**
 * Sends what is due: claims up to `batchSize` emails (whole batches, skipping rows other
 * dispatchers hold), renders them in the recipient's locale and sends each batch as one
 * request under its stored Idempotency-Key. A failed request is retried later as the very
 * same request, so an email is delivered at most once even when the response was lost; sent
 * emails have their props wiped.
 */
export async function dispatchPendingEmails(options: DispatchOptions = {}): Promise<DispatchResult> {
  const now = options.now ?? clockNow();
  const batchSize = Math.max(1, Math.min(MAX_BATCH, Math.floor(options.batchSize ?? MAX_BATCH)));
  const transport = options.transport ?? defaultMailTransport();
  const random = options.random ?? Math.random;
  const db = await getDb();
  const result: DispatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0, deferred: 0, rateLimited: false };

  const claimed = await claimDueEmails(db, { now, limit: batchSize, leaseMs: LEASE_MS, keyPrefix: IDEMPOTENCY_KEY_PREFIX, recipients: options.recipients });
  result.claimed = claimed.length;
  if (claimed.length === 0) return result;

  const groups = new Map<string, ClaimedEmail[]>();
  for (const row of claimed) groups.set(row.batchKey, [...(groups.get(row.batchKey) ?? []), row]);
  const pendingPerKey = await countPendingByBatchKey(db, [...groups.keys()]);

  for (const [key, rows] of groups) {
    const ids = rows.map((r) => r.id);
    // Another dispatcher holds part of this batch, or a rate limit stopped this pass: give the
    // rows back untouched; a batch is only ever sent whole, under its own key.
    if (result.rateLimited || pendingPerKey.get(key) !== rows.length) {
      await releaseClaims(db, ids);
      result.deferred += rows.length;
      continue;
    }

    const emails: OutgoingEmail[] = [];
    const unsendable: string[] = [];
    for (const row of rows) {
      try {
        emails.push(await prepare(row));
      } catch (error) {
        unsendable.push(row.id);
        mailLog("error", "mail.unsendable", { id: row.id, template: row.template, error: describeError(error) });
      }
    }
    if (unsendable.length > 0) {
      // Rendering is deterministic, so this batch never left; the others go on one by one.
      await markEmailsFailed(db, unsendable, { error: "unsendable" });
      result.failed += unsendable.length;
      const rest = ids.filter((id) => !unsendable.includes(id));
      await splitBatch(db, rest, { now, keyPrefix: IDEMPOTENCY_KEY_PREFIX });
      result.deferred += rest.length;
      continue;
    }

    let outcome: DeliveryOutcome;
    try {
      outcome = await transport.deliver({ key, emails, now });
    } catch (error) {
      mailLog("warn", "mail.transport_error", { transport: transport.name, error: describeError(error) });
      outcome = { kind: "retry", status: null, code: "transport_error" };
    }
    await settle(db, rows, outcome, { now, random, result, transport: transport.name });
  }

  mailLog(result.claimed > 0 ? "info" : "debug", "mail.dispatched", { transport: transport.name, ...result });
  return result;
}

async function settle(
  db: Executor,
  rows: ClaimedEmail[],
  outcome: DeliveryOutcome,
  context: { now: Date; random: () => number; result: DispatchResult; transport: string },
): Promise<void> {
  const { now, random, result, transport } = context;
  const ids = rows.map((r) => r.id);
  const templates = [...new Set(rows.map((r) => r.template))];
  switch (outcome.kind) {
    case "sent": {
      await db.transaction(async (tx) => {
        for (const [i, id] of ids.entries()) await markEmailSent(tx, id, { now, providerId: outcome.providerIds[i] ?? null });
      });
      result.sent += ids.length;
      mailLog("info", "mail.sent", { transport, ids, templates });
      return;
    }
    case "retry": {
      const failures = Math.max(...rows.map((r) => r.attempts)) + 1;
      const error = `${outcome.status ?? "no-response"} ${outcome.code}`;
      if (outcome.status === 429) result.rateLimited = true;
      if (failures >= MAX_ATTEMPTS) {
        await markEmailsFailed(db, ids, { error });
        result.failed += ids.length;
        mailLog("error", "mail.failed", { transport, ids, templates, status: outcome.status, code: outcome.code, attempts: failures });
        return;
      }
      const nextAttemptAt = new Date(now.getTime() + retryDelayMs(failures, outcome.retryAfterMs, random));
      await scheduleEmailRetry(db, ids, { nextAttemptAt, error });
      result.retried += ids.length;
      mailLog("warn", "mail.retry", {
        transport,
        ids,
        templates,
        status: outcome.status,
        code: outcome.code,
        attempts: failures,
        nextAttemptAt: nextAttemptAt.toISOString(),
      });
      return;
    }
    case "rejected": {
      if (ids.length > 1) {
        // Refused as a whole, so none of it was sent: send each one alone to find the bad one.
        await splitBatch(db, ids, { now, keyPrefix: IDEMPOTENCY_KEY_PREFIX });
        result.deferred += ids.length;
        mailLog("warn", "mail.batch_split", { transport, ids, status: outcome.status, code: outcome.code });
        return;
      }
      await markEmailsFailed(db, ids, { error: `${outcome.status} ${outcome.code}` });
      result.failed += ids.length;
      mailLog("error", "mail.failed", { transport, ids, templates, status: outcome.status, code: outcome.code });
      return;
    }
    case "failed": {
      await markEmailsFailed(db, ids, { error: `${outcome.status ?? "no-response"} ${outcome.code}` });
      result.failed += ids.length;
      mailLog("error", "mail.failed", { transport, ids, templates, status: outcome.status, code: outcome.code });
      return;
    }
  }
}

/** Number of outbox emails per status, for the operators' page. */
export async function getOutboxCounts(): Promise<Record<OutboxStatus, number>> {
  return countOutboxByStatus(await getDb());
}

/**
 * Puts failed emails back in the queue (all of them, or the given ids) with a fresh attempt
 * count. Returns how many were requeued.
 */
export async function retryFailedEmails(options: { ids?: string[]; now?: Date } = {}): Promise<number> {
  const count = await requeueFailedEmails(await getDb(), { now: options.now ?? new Date(), ids: options.ids });
  mailLog("info", "mail.requeued", { count });
  return count;
}
