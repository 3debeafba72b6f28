/**
 * When to try a failed email again. Every failed request counts as an attempt, delays are
 * capped, and after MAX_ATTEMPTS the email is marked failed. The whole schedule stays far
 * inside the 24 hours for which Resend honours an Idempotency-Key, so a retry is always
 * deduplicated against the request it repeats.
 */

/** Every Idempotency-Key we send starts with this, followed by a SHA-256 of outbox ids. */
export const IDEMPOTENCY_KEY_PREFIX = "matrix-portal-mail/";
export const MAX_ATTEMPTS = 8;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 60 * 60_000;

/**
 * Delay before the next attempt after `failures` failed attempts (1-based): exponential, with
 * "equal jitter" (between half and all of the exponential step) so a crowd of emails that
 * failed together does not come back together; never shorter than the server's Retry-After.
 */
export function retryDelayMs(failures: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));
  const jittered = step / 2 + random() * (step / 2);
  return Math.round(Math.min(MAX_DELAY_MS, Math.max(jittered, retryAfterMs ?? 0)));
}

/** Parses a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
