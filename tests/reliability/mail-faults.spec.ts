import { expect, test } from "@playwright/test";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { appEnv, appSecrets } from "./support/app-server";
import { startMailWorker, type WorkerProcess } from "./support/mail-worker";
import { createPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";

/**
 * Scenario B: the real mail worker process (scripts/mail-worker.ts) against a fake Resend API
 * that fails in every way a provider can, and a worker killed with SIGKILL mid-batch. Every
 * queued email must reach the provider exactly once. The worker's clock (TEST_CLOCK_FILE) is
 * moved forward instead of waiting out backoffs and the 5-minute claim lease.
 */
const PG_PORT = Number(process.env.REL_MAIL_PG_PORT ?? 5547);
const RESEND_PORT = Number(process.env.REL_MAIL_RESEND_PORT ?? 4503);
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let pg: PrivatePostgres | undefined;
let resend: FakeResend | undefined;
let dir: string;
let env: Record<string, string>;
let offsetMs = 0;
const workers: WorkerProcess[] = [];

function advanceClock(ms: number) {
  offsetMs += ms;
  writeFileSync(env.TEST_CLOCK_FILE!, String(offsetMs));
}

test.beforeAll(async () => {
  pg = createPrivatePostgres(PG_PORT);
  resend = await startFakeResend({ port: RESEND_PORT });
  dir = mkdtempSync(join(tmpdir(), "rel-mail-"));
  env = {
    ...appEnv({ databaseUrl: pg.url, resendUrl: resend.url, secrets: appSecrets(), port: 3599 }),
    LOG_LEVEL: "info",
    TEST_CLOCK_FILE: join(dir, "clock"),
  };
  advanceClock(0);
});

test.afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill("SIGKILL")));
  await resend?.close();
  pg?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function queue(count: number, id: string): Promise<string[]> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "tests/reliability/support/queue-emails.ts", String(count), id],
    { env: env as NodeJS.ProcessEnv },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as string[];
}

const statusCounts = (id: string) =>
  pg!.sql(
    `select status, count(*) from email_outbox where to_address like 'rel-${id}-%' group by status order by status`,
  );
const sentCount = (id: string) =>
  Number(pg!.sql(`select count(*) from email_outbox where to_address like 'rel-${id}-%' and status = 'sent'`));

/** How many times the fake delivered to each recipient. */
function deliveriesPer(recipients: string[]): Map<string, number> {
  const counts = new Map(recipients.map((r) => [r, 0]));
  for (const delivery of resend!.deliveries())
    for (const to of delivery.to) if (counts.has(to)) counts.set(to, counts.get(to)! + 1);
  return counts;
}

function worker(): WorkerProcess {
  const started = startMailWorker(env);
  workers.push(started);
  return started;
}

test("provider faults (500, 429, dropped and hung connections, lost answers): every email delivered exactly once", async () => {
  const recipients = await queue(150, "faults");
  resend!.fail(
    { kind: "status", status: 500 },
    { kind: "rate-limit", retryAfterSeconds: 1 },
    { kind: "drop" },
    { kind: "drop", afterDelivery: true },
    { kind: "status", status: 503, afterDelivery: true },
    { kind: "hang", afterDelivery: true },
  );
  const started = Date.now();
  const mailer = worker();
  // Backoffs are minutes long: move the worker's clock forward while it works.
  while (sentCount("faults") < recipients.length && Date.now() - started < 120_000) {
    advanceClock(2 * 60_000);
    await sleep(300);
  }
  await mailer.kill("SIGTERM");
  const counts = deliveriesPer(recipients);
  const exactlyOnce = [...counts.values()].filter((n) => n === 1).length;
  const requests = resend!.requests().filter((r) => r.idempotencyKey?.startsWith("matrix-portal-mail/"));
  console.log(
    `mail faults: ${exactlyOnce}/${recipients.length} delivered exactly once after 6 injected faults (500, 429, drop, drop after delivery, 503 after delivery, hang after delivery); ` +
      `${requests.length} requests, ${requests.filter((r) => r.replayed).length} answered from the idempotency store; outbox ${statusCounts("faults").replace(/\n/g, ", ")}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  expect(resend!.pendingFaults()).toBe(0);
  expect(exactlyOnce).toBe(recipients.length);
  expect(sentCount("faults")).toBe(recipients.length);
  expect(requests.some((r) => r.replayed)).toBe(true);
});

test("the worker killed with SIGKILL mid-batch and restarted: nothing lost, nothing sent twice", async () => {
  const recipients = await queue(100, "crash");
  // The provider takes the batch and never answers: the worker is killed while it waits.
  resend!.fail({ kind: "hang", afterDelivery: true });
  const first = worker();
  await expect
    .poll(() => [...deliveriesPer(recipients).values()].filter((n) => n === 1).length, { timeout: 30_000 })
    .toBe(recipients.length);
  await first.kill("SIGKILL");
  const afterCrash = statusCounts("crash");
  expect(sentCount("crash"), "the crash came before the worker recorded the sending").toBe(0);

  const second = worker();
  const restarted = Date.now();
  // The killed worker's claim runs out after 5 minutes (on the worker's clock).
  advanceClock(6 * 60_000);
  await expect.poll(() => sentCount("crash"), { timeout: 30_000 }).toBe(recipients.length);
  await second.kill("SIGTERM");
  const counts = deliveriesPer(recipients);
  const twice = [...counts.values()].filter((n) => n > 1).length;
  const lost = [...counts.values()].filter((n) => n === 0).length;
  const keyRequests = resend!
    .requests()
    .filter((r) => r.idempotencyKey?.startsWith("matrix-portal-mail/") && r.emails === recipients.length);
  console.log(
    `mail worker crash: SIGKILL with ${recipients.length} emails in flight (outbox then: ${afterCrash.replace(/\n/g, ", ")}); after restart ${recipients.length - lost - twice}/${recipients.length} delivered exactly once, ${lost} lost, ${twice} twice; ` +
      `resent under the same key and answered from the idempotency store = ${keyRequests.some((r) => r.replayed)}; done ${((Date.now() - restarted) / 1000).toFixed(1)} s after the restart`,
  );
  expect(lost).toBe(0);
  expect(twice).toBe(0);
  expect(keyRequests.some((r) => r.replayed)).toBe(true);
});
