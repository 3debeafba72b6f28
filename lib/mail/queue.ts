import { randomUUID } from "node:crypto";
import { countEmails } from "@/lib/metrics";
import { getDb, type Executor } from "@/db/client";
import type { ClaimedEmail } from "@/db/queries/outbox-dispatch";
import {
  countOutboxByStatus,
  insertOutboxEmail,
  insertOutboxEmails,
  retryFailedEmails as requeueFailedEmails,
  type OutboxStatus,
} from "@/db/queries/outbox";
import { isEmailTemplateName, type EmailMessage } from "@/emails";
import { configuredKeyring, openJson, sealJson } from "@/lib/crypto";
import { now } from "@/lib/platform/clock";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { mailLog } from "./log";

export type QueueEmailInput = EmailMessage & {
  /** Recipient address. */
  to: string;
  /** Recipient's language; anything unsupported falls back to the default locale. */
  locale: Locale | string;
  /** Send no earlier than this (default: as soon as possible). */
  notBefore?: Date;
};

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
  countEmails("queued");
  return { id: row.id };
}

/** queueEmail for many emails at once (bulk import): the same sealed rows, a few multi-row inserts. */
export async function queueEmails(executor: Executor, inputs: readonly QueueEmailInput[]): Promise<{ id: string }[]> {
  const rows = inputs.map(outboxRow);
  await insertOutboxEmails(executor, rows);
  countEmails("queued", rows.length);
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
    sealedProps: sealJson(input.props, sealContext(row), configuredKeyring().current),
  };
}

/** The message a claimed row was queued with; throws if its template or props cannot be used. */
export function queuedMessage(row: ClaimedEmail): EmailMessage {
  if (!isEmailTemplateName(row.template) || row.sealedProps === null) throw new TypeError("Unsendable outbox row");
  const props = openJson(row.sealedProps, sealContext(row), configuredKeyring().all);
  return { template: row.template, props } as EmailMessage;
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
  const count = await requeueFailedEmails(await getDb(), { now: options.now ?? now(), ids: options.ids });
  mailLog("info", "mail.requeued", { count });
  return count;
}
