import { expect, test } from "@playwright/test";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { appSecrets, startApp, type AppServer } from "./support/app-server";
import { FormClient } from "./support/form-client";
import { createPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";

/**
 * A production `next start` with no proxy in front (TRUSTED_PROXY_HOPS=0): the client address
 * that rate limits and the records use is the TCP peer's, whatever headers the client sends.
 */
const PG_PORT = Number(process.env.REL_ADDRESS_PG_PORT ?? 5547);
const APP_PORT = Number(process.env.REL_ADDRESS_APP_PORT ?? 3504);
const RESEND_PORT = Number(process.env.REL_ADDRESS_RESEND_PORT ?? 4503);

let pg: PrivatePostgres | undefined;
let resend: FakeResend | undefined;
let app: AppServer | undefined;

test.beforeAll(async () => {
  pg = createPrivatePostgres(PG_PORT);
  resend = await startFakeResend({ port: RESEND_PORT });
  app = await startApp({
    databaseUrl: pg.url,
    resendUrl: resend.url,
    secrets: appSecrets(),
    port: APP_PORT,
    extraEnv: { TRUSTED_PROXY_HOPS: "0" },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await resend?.close();
  pg?.destroy();
});

test("with no trusted proxy, forged X-Forwarded-For and X-Real-IP headers all land in the socket's one rate-limit bucket", async () => {
  // Over IPv4 loopback, so the socket's address is 127.0.0.1.
  const base = `http://127.0.0.1:${APP_PORT}`;
  const forgeries = [
    ["203.0.113.1", {}],
    ["203.0.113.2", { "x-real-ip": "198.51.100.2" }],
    ["203.0.113.3, 198.51.100.3", { "x-real-ip": "198.51.100.4" }],
    ["2001:db8::5", {}],
    ["unknown", { "x-real-ip": "2001:db8::6" }],
    ["127.0.0.2", {}],
  ] as const;
  for (const [forwardedFor, headers] of forgeries) {
    const client = new FormClient(base, forwardedFor, headers);
    const login = await client.get("/login");
    expect(login.status).toBe(200);
    const entered = await client.submit(login, 'name="email"', { email: "nobody@example.com" }, "/login");
    expect(entered.status, forwardedFor).toBe(303);
    expect(entered.location).toContain("/login/challenge");
  }
  // Every challenge was recorded from the socket's address, and one per-address counter holds them all.
  expect(pg!.sql("select coalesce(ip, 'NULL') from login_challenges group by ip")).toBe("127.0.0.1");
  expect(pg!.sql("select hits from rate_limits")).toBe(String(forgeries.length));
  console.log(
    `client address: ${forgeries.length} email entries with forged X-Forwarded-For/X-Real-IP, recorded as 127.0.0.1, one rate-limit bucket of ${forgeries.length} hits`,
  );
});
