import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { getDb } from "@/db/client";
import { pendingOutboxBacklog } from "@/db/queries/outbox";
import { now } from "@/lib/platform/clock";

/**
 * The portal's Prometheus metrics (/api/metrics). One registry per process, kept on globalThis:
 * Next can load this module more than once (server layers, route bundles) and each copy must
 * count into the same series. Labels are fixed words, never a user, address or token.
 */

export type SignInOutcome =
  | "success"
  | "wrong_code"
  | "decoy"
  | "locked"
  | "second_factor"
  | "inactive"
  | "rate_limited"
  | "unknown_challenge"
  | "credential_error";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    signIns: new Counter({
      name: "portal_sign_ins_total",
      help: "Answers to sign-in challenges and second steps, by outcome.",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    locks: new Counter({
      name: "portal_account_locks_total",
      help: "Accounts locked by wrong answers.",
      registers: [registry],
    }),
    challenges: new Counter({
      name: "portal_challenges_issued_total",
      help: "Sign-in challenges (grids) issued, decoys included.",
      registers: [registry],
    }),
    emails: new Counter({
      name: "portal_emails_total",
      help: "Emails queued, sent and failed for good by this process.",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "portal_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by method, route pattern and status.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    outboxDepth: new Gauge({
      name: "portal_outbox_pending",
      help: "Emails waiting in the outbox.",
      registers: [registry],
      async collect() {
        this.set((await pendingOutboxBacklog(await getDb(), now())).pending);
      },
    }),
    outboxAge: new Gauge({
      name: "portal_outbox_oldest_pending_seconds",
      help: "Age of the oldest email waiting in the outbox (0 when none).",
      registers: [registry],
      async collect() {
        this.set((await pendingOutboxBacklog(await getDb(), now())).oldestSeconds);
      },
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const holder = globalThis as unknown as { __matrixPortalMetrics?: Metrics };
const metrics = (): Metrics => (holder.__matrixPortalMetrics ??= createMetrics());

export const countSignIn = (outcome: SignInOutcome): void => metrics().signIns.inc({ outcome });
export const countLock = (): void => metrics().locks.inc();
export const countChallenge = (): void => metrics().challenges.inc();
export const countEmails = (status: "queued" | "sent" | "failed", count = 1): void => {
  if (count > 0) metrics().emails.inc({ status }, count);
};

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** `status` is the response's code, or "aborted" when the client left before the end. */
export const observeHttpRequest = (method: string, route: string, status: string, seconds: number): void =>
  metrics().httpDuration.observe({ method: METHODS.has(method) ? method : "other", route, status }, seconds);

/** The Prometheus text exposition of every metric, and its content type. */
export async function metricsExposition(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
