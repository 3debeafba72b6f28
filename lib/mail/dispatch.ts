import { getDb } from "@/db/client";
import { countEmails } from "@/lib/metrics";
import {
  claimDueEmails,
  countPendingByBatchKey,
  markEmailsFailed,
  releaseClaims,
  splitBatch,
  type ClaimedEmail,
} from "@/db/queries/outbox-dispatch";
import { renderEmail, type EmailEnvelope } from "@/emails";
import { env } from "@/env";
import { now as clockNow } from "@/lib/platform/clock";
import { configuredOrganization } from "@/lib/platform/organization";
import { defaultLocale, displayTimeZone, isLocale } from "@/lib/i18n/config";
import { describeError, mailLog } from "./log";
import { queuedMessage } from "./queue";
import { IDEMPOTENCY_KEY_PREFIX } from "./retry-policy";
import { settle, type DispatchResult } from "./settle";
import {
  createCaptureTransport,
  createResendTransport,
  type DeliveryOutcome,
  type MailTransport,
  type OutgoingEmail,
} from "./transport";

/** How long a dispatcher owns the rows it claimed; longer than a pass with its timeouts. */
const LEASE_MS = 5 * 60_000;
/** Resend accepts at most 100 emails per batch request. */
const MAX_BATCH = 100;

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

let defaultTransportInstance: MailTransport | undefined;

function defaultMailTransport(): MailTransport {
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
      throw new Error(
        "MAIL_TRANSPORT=outbox (the development mailbox) is not available in production; set RESEND_API_KEY",
      );
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
    organization: configuredOrganization(),
    timeZone: displayTimeZone,
  };
}

async function prepare(row: ClaimedEmail): Promise<OutgoingEmail> {
  const rendered = await renderEmail(queuedMessage(row), envelopeFor(row.locale));
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

  const claimed = await claimDueEmails(db, {
    now,
    limit: batchSize,
    leaseMs: LEASE_MS,
    keyPrefix: IDEMPOTENCY_KEY_PREFIX,
    recipients: options.recipients,
  });
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

  mailLog("info", "mail.dispatched", { transport: transport.name, ...result });
  countEmails("sent", result.sent);
  countEmails("failed", result.failed);
  return result;
}
