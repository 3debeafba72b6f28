import { randomBytes, randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { dispatchPendingEmails, queueEmail, retryFailedEmails } from "@/lib/mail";
import { MAX_ATTEMPTS } from "@/lib/mail/retry-policy";
import { createResendTransport, type MailTransport } from "@/lib/mail/transport";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

/**
 * The dispatcher against the real resend SDK pointed at a fake Resend API that fails in every
 * way a network can. The clock is injected: rows are queued a year ahead (so dispatchers in
 * other test files, on a shared PostgreSQL, leave them alone) and every claim is limited to
 * this file's unique addresses.
 */

jest.setTimeout(30_000);

const HOUR = 60 * 60_000;
const run = randomUUID().slice(0, 8);
let counter = 0;
const START = new Date(Math.floor(Date.now() / 1000) * 1000 + 365 * 24 * HOUR);

let fake: FakeResend;
let logs: string[] = [];

beforeAll(async () => {
  fake = await startFakeResend();
});

afterAll(async () => {
  await fake.close();
  await closeDb();
});

beforeEach(() => {
  fake.reset();
  logs = [];
  for (const method of ["info", "warn", "error", "log", "debug"] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logs.push(args.map(String).join(" "));
    });
  }
});

afterEach(() => jest.restoreAllMocks());

function transport(timeoutMs = 400): MailTransport {
  return createResendTransport({
    apiKey: "re_test_key",
    from: "Matrix Portal <no-reply@portal.example>",
    baseUrl: fake.url,
    timeoutMs,
  });
}

type Queued = { id: string; to: string; token: string };

async function queueStartingGuides(count: number): Promise<Queued[]> {
  const db = await getDb();
  const queued: Queued[] = [];
  for (let i = 0; i < count; i++) {
    const to = `mail-${run}-${++counter}@example.test`;
    const token = randomBytes(32).toString("base64url");
    const { id } = await queueEmail(db, {
      to,
      template: "starting-guide",
      locale: i % 2 === 0 ? "en" : "ja",
      props: {
        name: `Customer ${counter}`,
        link: `https://portal.example/start/${token}`,
        expiresAt: "2026-12-01T09:00:00.000Z",
      },
      notBefore: START,
    });
    queued.push({ id, to, token });
  }
  return queued;
}

async function rowsOf(queued: Queued[]) {
  const db = await getDb();
  return db
    .select()
    .from(emailOutbox)
    .where(
      inArray(
        emailOutbox.id,
        queued.map((q) => q.id),
      ),
    );
}

/** The dispatchers' clock during `drain` (the rate-limited fake reads it too). */
let now = START;

/** Runs dispatch passes, moving the clock `stepMs` between them, until none of `queued` is pending. */
async function drain(
  queued: Queued[],
  options: { transport: MailTransport; stepMs?: number; batchSize?: number; parallel?: number },
) {
  const recipients = queued.map((q) => q.to);
  now = START;
  for (let pass = 1; pass <= 60; pass++) {
    const dispatchers = Array.from({ length: options.parallel ?? 1 }, () =>
      dispatchPendingEmails({ now, transport: options.transport, recipients, batchSize: options.batchSize }),
    );
    await Promise.all(dispatchers);
    const rows = await rowsOf(queued);
    if (rows.every((r) => r.status !== "pending")) return { passes: pass, rows };
    now = new Date(now.getTime() + (options.stepMs ?? 2 * HOUR));
  }
  throw new Error("emails still pending after 60 passes");
}

function deliveredTo(queued: Queued[]) {
  const addresses = new Set(queued.map((q) => q.to));
  return fake.deliveries().filter((d) => d.to.some((a) => addresses.has(a)));
}

function expectExactlyOnce(queued: Queued[]) {
  const deliveries = deliveredTo(queued);
  expect(deliveries.map((d) => d.to[0]).sort()).toEqual(queued.map((q) => q.to).sort());
  for (const q of queued) {
    const delivery = deliveries.find((d) => d.to[0] === q.to)!;
    expect(delivery.html).toContain(`https://portal.example/start/${q.token}`);
    expect(delivery.text).toContain(`https://portal.example/start/${q.token}`);
  }
  return deliveries;
}

function expectNoSecretsLogged(queued: Queued[]) {
  const all = logs.join("\n");
  for (const q of queued) {
    expect(all).not.toContain(q.token);
    expect(all).not.toContain(q.to);
  }
}

test("a batch survives 500s, a 429, a dropped and a hung connection: every email delivered exactly once", async () => {
  const queued = await queueStartingGuides(5);
  fake.fail(
    { kind: "status", status: 500 },
    { kind: "rate-limit", retryAfterSeconds: 30 },
    { kind: "drop", afterDelivery: true }, // delivered, but the response is lost
    { kind: "hang", afterDelivery: true }, // replayed, and the response never comes
    { kind: "status", status: 502, afterDelivery: true },
  );

  const { rows } = await drain(queued, { transport: transport() });

  const deliveries = expectExactlyOnce(queued);
  expect(rows.every((r) => r.status === "sent" && r.sealedProps === null && r.sentAt !== null)).toBe(true);
  for (const row of rows) expect(row.providerId).toBe(deliveries.find((d) => d.to[0] === row.toAddress)!.id);

  // One batch request, repeated under one key; the server delivered once and replayed after.
  const requests = fake.requests();
  expect(requests.map((r) => r.path)).toEqual(Array(6).fill("/emails/batch"));
  expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(1);
  expect(requests[0]!.idempotencyKey).toMatch(/^matrix-portal-mail\/[0-9a-f]{64}$/);
  expect(requests.map((r) => r.outcome)).toEqual([500, 429, "drop", "hang", 502, 200]);
  expect(requests.filter((r) => !r.replayed)).toHaveLength(3); // 500, 429 before delivery; the delivery
  expect(fake.pendingFaults()).toBe(0);
  expect(rows.every((r) => r.attempts === 5)).toBe(true);
  expectNoSecretsLogged(queued);
});

test("a single email goes through emails.send, under the same key on every retry", async () => {
  const queued = await queueStartingGuides(1);
  fake.fail({ kind: "drop", afterDelivery: true }, { kind: "status", status: 500 });

  await drain(queued, { transport: transport() });

  expectExactlyOnce(queued);
  const requests = fake.requests();
  expect(requests.map((r) => r.path)).toEqual(["/emails", "/emails", "/emails"]);
  expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(1);
});

test("a 429's retry-after is honoured on the injected clock", async () => {
  const queued = await queueStartingGuides(2);
  fake.fail({ kind: "rate-limit", retryAfterSeconds: 600 });
  const options = { transport: transport(), recipients: queued.map((q) => q.to), random: () => 0 };

  const first = await dispatchPendingEmails({ ...options, now: START });
  expect(first).toMatchObject({ claimed: 2, retried: 2, rateLimited: true });
  const [row] = await rowsOf(queued);
  expect(row!.nextAttemptAt.getTime()).toBe(START.getTime() + 600_000);

  expect(await dispatchPendingEmails({ ...options, now: new Date(START.getTime() + 599_000) })).toMatchObject({
    claimed: 0,
  });
  expect(deliveredTo(queued)).toHaveLength(0);
  expect(await dispatchPendingEmails({ ...options, now: new Date(START.getTime() + 600_000) })).toMatchObject({
    claimed: 2,
    sent: 2,
  });
  expectExactlyOnce(queued);
});

test("backoff grows exponentially, and after the attempt limit the email is failed, kept sealed, and can be requeued", async () => {
  const queued = await queueStartingGuides(1);
  fake.fail(...Array.from({ length: MAX_ATTEMPTS }, () => ({ kind: "status" as const, status: 503 })));
  const options = { transport: transport(), recipients: [queued[0]!.to], random: () => 1 };

  let at = START;
  const delays: number[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    await dispatchPendingEmails({ ...options, now: at });
    const [row] = await rowsOf(queued);
    if (row!.status === "failed") break;
    delays.push(row!.nextAttemptAt.getTime() - at.getTime());
    at = row!.nextAttemptAt;
  }
  expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
  const [failed] = await rowsOf(queued);
  expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "503 internal_server_error" });
  expect(failed!.sealedProps).toMatch(/^v1\./);
  expect(deliveredTo(queued)).toHaveLength(0);

  expect(await retryFailedEmails({ ids: [queued[0]!.id], now: at })).toBe(1);
  await dispatchPendingEmails({ ...options, now: at });
  expectExactlyOnce(queued);
});

test("a batch refused as invalid (422) is split and sent one by one", async () => {
  const queued = await queueStartingGuides(3);
  fake.fail({ kind: "status", status: 422, name: "validation_error", path: "/emails/batch" });

  await drain(queued, { transport: transport() });

  expectExactlyOnce(queued);
  const requests = fake.requests();
  expect(requests[0]).toMatchObject({ path: "/emails/batch", outcome: 422 });
  expect(requests.slice(1).map((r) => r.path)).toEqual(["/emails", "/emails", "/emails"]);
  expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(4);
});

test("concurrent dispatchers under a provider rate limit still deliver each email exactly once", async () => {
  await fake.close();
  fake = await startFakeResend({ rateLimit: { perSecond: 2 }, clock: () => now.getTime() });
  const queued = await queueStartingGuides(8);

  await drain(queued, { transport: transport(), batchSize: 1, parallel: 4, stepMs: 60_000 });

  expectExactlyOnce(queued);
  expect(fake.requests().some((r) => r.outcome === 429)).toBe(true);
  expectNoSecretsLogged(queued);
});
