import type { Executor } from "@/db/client";
import {
  markEmailSent,
  markEmailsFailed,
  scheduleEmailRetry,
  splitBatch,
  type ClaimedEmail,
} from "@/db/queries/outbox-dispatch";
import { mailLog } from "./log";
import { IDEMPOTENCY_KEY_PREFIX, MAX_ATTEMPTS, retryDelayMs } from "./retry-policy";
import type { DeliveryOutcome } from "./transport";

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

/** Records what became of one batch's request, and counts it into `context.result`. */
export async function settle(
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
        for (const [i, id] of ids.entries())
          await markEmailSent(tx, id, { now, providerId: outcome.providerIds[i] ?? null });
      });
      result.sent += ids.length;
      mailLog("info", "mail.sent", { transport, ids, templates });
      return;
    }
    case "retry": {
      const failures = Math.max(...rows.map((r) => r.attempts)) + 1;
      const error = `${outcome.status ?? "no-response"} ${outcome.code}`;
      if (outcome.status === 429) result.rateLimited = true;
      const attempt = { transport, ids, templates, status: outcome.status, code: outcome.code, attempts: failures };
      if (failures >= MAX_ATTEMPTS) {
        await markEmailsFailed(db, ids, { error });
        result.failed += ids.length;
        mailLog("error", "mail.failed", attempt);
        return;
      }
      const nextAttemptAt = new Date(now.getTime() + retryDelayMs(failures, outcome.retryAfterMs, random));
      await scheduleEmailRetry(db, ids, { nextAttemptAt, error });
      result.retried += ids.length;
      mailLog("warn", "mail.retry", { ...attempt, nextAttemptAt: nextAttemptAt.toISOString() });
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
