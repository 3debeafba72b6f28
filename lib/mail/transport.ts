import { Resend } from "resend";
import { insertDevMailboxEmail } from "@/db/queries/dev-mailbox";
import { getDb } from "@/db/client";
import { parseRetryAfter } from "./retry-policy";

/** One rendered email ready to leave. `id` is the outbox row id. */
export type OutgoingEmail = { id: string; to: string; subject: string; html: string; text: string };

/** One request: a single email or a batch, always sent under the same Idempotency-Key. */
export type DeliveryRequest = { key: string; emails: OutgoingEmail[]; now: Date };

export type DeliveryOutcome =
  /** Accepted; provider ids in the order of the emails. */
  | { kind: "sent"; providerIds: (string | null)[] }
  /** Not known to be accepted (server error, timeout, lost connection, rate limit): repeat the same request later. */
  | { kind: "retry"; status: number | null; code: string; retryAfterMs?: number }
  /** Refused as invalid before anything was sent: a batch may be split and its emails sent one by one. */
  | { kind: "rejected"; status: number; code: string }
  /** Will not succeed by repeating it and must not be split (e.g. the key was used for another payload). */
  | { kind: "failed"; status: number | null; code: string };

export interface MailTransport {
  readonly name: string;
  deliver(request: DeliveryRequest): Promise<DeliveryOutcome>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/** Slack added to the provider's one-second window. */
const WINDOW_SLACK_MS = 20;

/**
 * Turns under a "`perSecond` requests in any rolling second" limit (Resend's is 2): the next
 * request leaves as soon as the window allows, never early. A request holds its turn until its
 * response is back, and the second is counted from then: the provider saw the request no later
 * than that, so a request delayed on its way out (a busy event loop) can never make the next
 * ones arrive too close. A 429 is expensive (the batch waits for its retry), so the dispatcher
 * paces itself instead of finding the limit. Returns the function that ends the turn.
 */
export function createPacer(perSecond: number, clock: () => number = Date.now): () => Promise<() => void> {
  const windowMs = 1000 + WINDOW_SLACK_MS;
  /** When each recent turn ended; Infinity while its request is in flight. */
  const turns: number[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  const take = async (): Promise<() => void> => {
    for (;;) {
      const now = clock();
      for (let i = turns.length - 1; i >= 0; i--) if (turns[i]! <= now - windowMs) turns.splice(i, 1);
      if (turns.length < perSecond) {
        turns.push(Infinity);
        let ended = false;
        return () => {
          if (ended) return;
          ended = true;
          // Turns in flight are interchangeable: end any one of them.
          const index = turns.indexOf(Infinity);
          if (index >= 0) turns[index] = clock();
        };
      }
      const oldest = Math.min(...turns);
      await new Promise((resolve) =>
        setTimeout(resolve, Number.isFinite(oldest) ? Math.max(1, oldest + windowMs - now) : 10),
      );
    }
  };
  return () => {
    const turn = queue.then(take);
    queue = turn;
    return turn;
  };
}

type ResendError = { statusCode: number | null; name: string };

function classify(error: ResendError, headers: Record<string, string> | null, now: Date): DeliveryOutcome {
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  const code = /^[\w.-]{1,60}$/.test(String(error.name)) ? String(error.name) : "unknown_error";
  if (status === null || status >= 500) return { kind: "retry", status, code };
  if (status === 429)
    return { kind: "retry", status, code, retryAfterMs: parseRetryAfter(headers?.["retry-after"], now) };
  if (status === 409) {
    // Same key still in flight: wait. Same key with another payload: the first request was
    // processed, so sending again (split or not) could duplicate.
    return code === "concurrent_idempotent_requests"
      ? { kind: "retry", status, code }
      : { kind: "failed", status, code };
  }
  if (status === 400 || status === 422) return { kind: "rejected", status, code };
  // 401/403/404/...: configuration problems, not the email's; retry until the limit.
  return { kind: "retry", status, code };
}

/**
 * Sends through the Resend SDK: one email with `emails.send`, several with `batch.send` (at
 * most 100), always with the request's Idempotency-Key so a repeated request never delivers
 * twice, paced to `requestsPerSecond`. Each request is abandoned after `timeoutMs` (and then
 * retried under the same key).
 */
export function createResendTransport(options: {
  apiKey: string;
  from: string;
  baseUrl?: string;
  timeoutMs?: number;
  /** The provider's request rate limit; unset sends at once (tests that script the provider). */
  requestsPerSecond?: number;
}): MailTransport {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const pace = options.requestsPerSecond ? createPacer(options.requestsPerSecond) : async () => () => {};
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const toPayload = (email: OutgoingEmail) => ({
    from: options.from,
    to: [email.to],
    subject: email.subject,
    html: email.html,
    text: email.text,
  });
  return {
    name: "resend",
    async deliver({ key, emails, now }) {
      if (emails.length === 0) return { kind: "sent", providerIds: [] };
      if (emails.length > 100) throw new RangeError("A Resend batch holds at most 100 emails");
      const endTurn = await pace();
      const requestOptions = { idempotencyKey: key, signal: AbortSignal.timeout(timeoutMs) };
      try {
        if (emails.length === 1) {
          const result = await resend.emails.send(toPayload(emails[0]!), requestOptions);
          if (result.error) return classify(result.error, result.headers, now);
          return { kind: "sent", providerIds: [result.data?.id ?? null] };
        }
        const result = await resend.batch.send(emails.map(toPayload), requestOptions);
        if (result.error) return classify(result.error, result.headers, now);
        const ids = result.data?.data ?? [];
        return { kind: "sent", providerIds: emails.map((_, i) => ids[i]?.id ?? null) };
      } catch {
        // The SDK reports failures as values; anything thrown (e.g. an abort) is ambiguous.
        return { kind: "retry", status: null, code: "request_error" };
      } finally {
        endTurn();
      }
    },
  };
}

/**
 * Development capture: stores each email in the dev mailbox instead of sending it. Storing is
 * keyed by the outbox id, so a repeated request stores nothing new.
 */
export function createCaptureTransport(): MailTransport {
  return {
    name: "outbox",
    async deliver({ emails, now }) {
      const db = await getDb();
      const providerIds: string[] = [];
      for (const email of emails) {
        const id = await insertDevMailboxEmail(db, {
          outboxId: email.id,
          toAddress: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          createdAt: now,
        });
        providerIds.push(`dev-mailbox:${id}`);
      }
      return { kind: "sent", providerIds };
    },
  };
}
