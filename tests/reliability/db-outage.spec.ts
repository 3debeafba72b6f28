import { expect, test } from "@playwright/test";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { appSecrets, startApp, type AppServer } from "./support/app-server";
import { onboard, seedInvited, seedUsers, signIn, type Invited } from "./support/fixtures";
import { FormClient, type Reply } from "./support/form-client";
import { createPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";

/**
 * Scenario A: the PostgreSQL server stops in the middle of sign-ins and onboardings, stays down
 * 3 s and comes back. Visitors get the translated 503 page (never a 500 or a stack trace), no
 * row is half-written, and the app serves again by itself, without a restart.
 */
const PG_PORT = Number(process.env.REL_PG_PORT ?? 5544);
const APP_PORT = Number(process.env.REL_APP_PORT ?? 3500);
const RESEND_PORT = Number(process.env.REL_RESEND_PORT ?? 4500);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let pg: PrivatePostgres | undefined;
let resend: FakeResend | undefined;
let app: AppServer | undefined;
let customers: string[];
let invited: Invited[];

test.beforeAll(async () => {
  pg = createPrivatePostgres(PG_PORT);
  resend = await startFakeResend({ port: RESEND_PORT });
  const options = { databaseUrl: pg.url, resendUrl: resend.url, secrets: appSecrets() };
  app = await startApp({ ...options, port: APP_PORT });
  [customers, invited] = await Promise.all([seedUsers(options, 4), seedInvited(options, 60)]);
});

test.afterAll(async () => {
  await app?.stop();
  await resend?.close();
  pg?.destroy();
});

type Outcome = { kind: "sign-in" | "onboarding"; start: number; end: number; ok: boolean; reply: Reply; step?: string };
/** A connection closed without an answer is recorded as status 0 (and fails the test). */
const dropped = (error: unknown): Reply => ({ status: 0, location: null, html: String(error), headers: new Headers() });
const STACK_TRACE = /\bat [\w$.<>]+ \(|\.js:\d+:\d+|node_modules|Error: /;

test("database outage: 503 while down, nothing half-written, back by itself", async () => {
  const outcomes: Outcome[] = [];
  let running = true;
  const signInLoop = async (email: string) => {
    while (running) {
      const start = Date.now();
      const reply = await signIn(new FormClient(app!.url), email).catch(dropped);
      outcomes.push({
        kind: "sign-in",
        start,
        end: Date.now(),
        ok: reply.status === 303 && /\/(terms|dashboard)$/.test(reply.location ?? ""),
        reply,
      });
    }
  };
  const onboardingLoop = async () => {
    while (running && invited.length > 0) {
      const start = Date.now();
      const { done, reply, step } = await onboard(new FormClient(app!.url), invited.shift()!).catch((error) => ({
        done: false,
        reply: dropped(error),
        step: "dropped",
      }));
      outcomes.push({ kind: "onboarding", start, end: Date.now(), ok: done, reply, step });
    }
  };
  const loops = [...customers.map(signInLoop), onboardingLoop()];

  await sleep(4_000);
  pg!.stop();
  const stoppedAt = Date.now();
  await sleep(3_000);
  pg!.start(); // returns once the server accepts connections
  const backAt = Date.now();
  while (!outcomes.some((o) => o.ok && o.start >= backAt) && Date.now() - backAt < 15_000) await sleep(20);
  await sleep(1_500);
  running = false;
  await Promise.all(loops);

  const firstOk = outcomes.filter((o) => o.ok && o.start >= backAt).sort((a, b) => a.end - b.end)[0];
  const recoveredMs = firstOk ? firstOk.end - backAt : Infinity;
  const down = outcomes.filter((o) => o.start > stoppedAt + 200 && o.end < backAt);
  const statuses: Record<string, number> = {};
  for (const o of outcomes) statuses[o.reply.status] = (statuses[o.reply.status] ?? 0) + 1;

  // Consistency of what was written, checked on the rows.
  const count = (query: string) => Number(pg!.sql(query));
  const activeWithoutCredential = count(
    "select count(*) from users where status = 'active' and id not in (select user_id from matrix_credentials)",
  );
  const credentialWithoutActive = count(
    "select count(*) from matrix_credentials c join users u on u.id = c.user_id where u.status <> 'active'",
  );
  const credentials = count("select count(*) from matrix_credentials");
  const patternSetEvents = count("select count(*) from audit_events where event = 'onboarding.pattern_set'");
  const patternSetEmails = count("select count(*) from email_outbox where template = 'pattern-set'");
  const signInEvents = count("select count(*) from audit_events where event = 'login.succeeded'");
  const consumedChallenges = count(
    "select count(*) from login_challenges where consumed_at is not null and user_id is not null",
  );
  const signInsSeen = outcomes.filter((o) => o.kind === "sign-in" && o.ok).length;
  const onboardingsSeen = outcomes.filter((o) => o.kind === "onboarding" && o.ok).length;
  const ambiguous = outcomes.filter((o) => !o.ok && o.reply.status === 503).length;
  const halfWritten =
    activeWithoutCredential +
    credentialWithoutActive +
    Math.abs(credentials - patternSetEvents) +
    Math.abs(patternSetEvents - patternSetEmails);

  console.log(
    `db outage: ${halfWritten} half-written rows, ${statuses["500"] ?? 0} responses 500, ${down.length} requests during the outage all 503 = ${down.every((o) => o.reply.status === 503)}, ` +
      `recovered in ${(recoveredMs / 1000).toFixed(1)} s after the database returned (statuses ${JSON.stringify(statuses)}; ${signInsSeen} sign-ins and ${onboardingsSeen} onboardings completed)`,
  );

  for (const o of outcomes.filter((o) => o.reply.status === 500))
    console.log(
      `500 on ${o.kind} ${o.step ?? ""}: started ${o.start - stoppedAt} ms after the stop, ended ${o.end - backAt} ms after the return`,
    );
  if (process.env.REL_DEBUG)
    for (const o of outcomes)
      console.log(
        o.kind,
        o.step,
        o.start - stoppedAt,
        o.end - backAt,
        o.reply.status,
        o.reply.location,
        o.reply.status === 0 ? o.reply.html : "",
      );
  expect(statuses["500"] ?? 0, "no response is a 500").toBe(0);
  expect(Object.keys(statuses).every((status) => ["200", "303", "503"].includes(status))).toBe(true);
  expect(down.length, "requests were made while the database was down").toBeGreaterThan(0);
  for (const o of down) expect(o.reply.status).toBe(503);
  for (const o of outcomes.filter((o) => o.reply.status === 503)) {
    expect(o.reply.html).toContain("Temporarily unavailable");
    expect(o.reply.headers.get("retry-after")).toBe("5");
  }
  for (const o of outcomes) expect(o.reply.html).not.toMatch(STACK_TRACE);
  expect(recoveredMs, "serving again within 5 s of the database's return").toBeLessThan(5_000);
  expect(halfWritten).toBe(0);
  // Every success the visitors saw is recorded; a success not seen can only be one whose answer was lost.
  expect(signInEvents).toBeGreaterThanOrEqual(signInsSeen);
  expect(signInEvents).toBeLessThanOrEqual(signInsSeen + ambiguous);
  expect(consumedChallenges).toBeGreaterThanOrEqual(signInEvents);
  expect(patternSetEvents).toBeGreaterThanOrEqual(onboardingsSeen + 4);
  expect(stoppedAt).toBeLessThan(backAt);
});

test("the 503 page is translated: Japanese for a Japanese browser", async () => {
  pg!.stop();
  try {
    await expect.poll(async () => (await fetch(`${app!.url}/api/health`)).status).toBe(503);
    const en = await fetch(`${app!.url}/login`, { headers: { "accept-language": "en" } });
    const ja = await fetch(`${app!.url}/login`, { headers: { "accept-language": "ja-JP,ja;q=0.9" } });
    expect(en.status).toBe(503);
    expect(ja.status).toBe(503);
    expect(await en.text()).toContain("Temporarily unavailable");
    const japanese = await ja.text();
    expect(japanese).toContain("一時的にご利用いただけません");
    expect(japanese).toContain('<html lang="ja">');
    const health = await fetch(`${app!.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "unavailable" });
  } finally {
    pg!.start();
  }
});

test("a signed-in visitor keeps the session through an outage: 503 while down, signed in again after", async () => {
  const client = new FormClient(app!.url);
  const signedIn = await signIn(client, customers[0]!);
  expect(signedIn.location).toMatch(/\/terms$/);
  expect((await client.get("/terms")).status).toBe(200);
  pg!.stop();
  let during: Reply;
  try {
    during = await client.get("/terms");
  } finally {
    pg!.start();
  }
  expect(during.status, "the session check cannot run: 503, not a redirect to sign-in").toBe(503);
  expect(during.headers.getSetCookie().join(";")).not.toMatch(/session/i);
  const after = await client.get("/terms");
  console.log(
    `db outage, signed-in visitor: ${during.status} while down, ${after.status} after, session cookie kept = ${after.status === 200}`,
  );
  expect(after.status, "still signed in after the database returned").toBe(200);
});
