import { expect, test } from "@playwright/test";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { appSecrets, startApp, type AppServer } from "./support/app-server";
import { answer, seedUsers, signIn, startSignIn } from "./support/fixtures";
import { FormClient } from "./support/form-client";
import { createPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";
import { registerClient } from "./support/oidc";
import { startRelyingParty } from "../support/relying-party";

/**
 * Scenario C: two `next start` instances on one PostgreSQL and nothing else shared (no memory,
 * no sticky sessions). Whatever one instance decides, the other must honour.
 */
const PG_PORT = Number(process.env.REL_SCALE_PG_PORT ?? 5545);
const PORTS = [Number(process.env.REL_SCALE_APP_PORT ?? 3501), Number(process.env.REL_SCALE_APP_PORT ?? 3501) + 1];
const RESEND_PORT = Number(process.env.REL_SCALE_RESEND_PORT ?? 4501);

let pg: PrivatePostgres | undefined;
let resend: FakeResend | undefined;
const apps: AppServer[] = [];
let options: {
  databaseUrl: string;
  resendUrl: string;
  secrets: ReturnType<typeof appSecrets>;
  extraEnv: Record<string, string>;
};

test.beforeAll(async () => {
  pg = createPrivatePostgres(PG_PORT);
  resend = await startFakeResend({ port: RESEND_PORT });
  // One public address for both, as behind a load balancer: it is also the OpenID Connect issuer.
  const publicUrl = `http://localhost:${PORTS[0]}`;
  options = { databaseUrl: pg.url, resendUrl: resend.url, secrets: appSecrets(), extraEnv: { APP_URL: publicUrl } };
  apps.push(await startApp({ ...options, port: PORTS[0]! }));
  apps.push(await startApp({ ...options, port: PORTS[1]! }));
});

test.afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await resend?.close();
  pg?.destroy();
});

/** The same browser (same cookies, same address) talking to the other instance. */
function onOther(client: FormClient, index: number): FormClient {
  const other = new FormClient(apps[index]!.url, client.ip);
  client.copyTo(other);
  return other;
}

test("a challenge issued by one instance is answered on the other", async () => {
  const [email] = await seedUsers(options, 1);
  const first = new FormClient(apps[0]!.url);
  const { page } = await startSignIn(first, email!);
  expect(page?.status).toBe(200);
  const second = onOther(first, 1);
  const reply = await answer(second, await second.get("/login/challenge"));
  expect(reply.status).toBe(303);
  expect(reply.location).toMatch(/\/terms$/);
  console.log(
    `scale-out: challenge issued on :${PORTS[0]} answered on :${PORTS[1]} -> ${reply.status} ${new URL(reply.location!, apps[1]!.url).pathname}`,
  );
});

test("the lockout counter is shared: wrong answers spread over both instances lock the account", async () => {
  const [email] = await seedUsers(options, 1);
  let client = new FormClient(apps[0]!.url);
  let wrong = 0;
  for (let i = 0; i < 5; i++) {
    client = onOther(client, i % 2);
    const { page } = await startSignIn(client, email!);
    expect(page?.status).toBe(200);
    const reply = await answer(client, page!, false);
    expect(reply.status).toBe(303);
    wrong++;
  }
  const locked = Number(
    pg!.sql(`select count(*) from users where lower(email) = lower('${email}') and locked_until > now()`),
  );
  // The right answer on either instance is now refused.
  const late = onOther(client, 1);
  const { page } = await startSignIn(late, email!);
  const reply = page ? await answer(late, page) : undefined;
  console.log(
    `scale-out: ${wrong} wrong answers alternating between instances -> locked = ${locked === 1}; right answer afterwards -> ${reply?.status} ${reply?.location}`,
  );
  expect(locked).toBe(1);
  expect(reply?.location ?? "").not.toMatch(/\/(terms|dashboard)$/);
});

test("a session revoked through one instance is refused by the other", async () => {
  const [email] = await seedUsers(options, 1);
  const first = new FormClient(apps[0]!.url);
  const signedIn = await signIn(first, email!);
  expect(signedIn.location).toMatch(/\/terms$/);
  const second = onOther(first, 1);
  expect((await second.get("/terms")).status, "the session works on the other instance").toBe(200);
  // What an operator's "disable" and a password change do: bump the session version in the database.
  pg!.sql(`update users set session_version = session_version + 1 where lower(email) = lower('${email}')`);
  const afterOnSecond = await second.get("/dashboard");
  const afterOnFirst = await onOther(first, 0).get("/dashboard");
  console.log(
    `scale-out: session version bumped -> instance 2 answers ${afterOnSecond.status} ${afterOnSecond.location}, instance 1 answers ${afterOnFirst.status} ${afterOnFirst.location}`,
  );
  for (const reply of [afterOnSecond, afterOnFirst]) {
    expect(reply.status).toBe(307);
    expect(reply.location).toMatch(/\/login\?next=%2Fdashboard$/);
  }
});

test("an application's sign-in begun on one instance is finished on the other", async () => {
  const [email] = await seedUsers(options, 1);
  const app = await startRelyingParty({ issuer: apps[0]!.url, register: (uris) => registerClient(options, uris) });
  try {
    // Each hop goes to the instance the test picks; the path is what the browser would follow.
    const hop = (location: string | null) => {
      const url = new URL(location!, apps[0]!.url);
      return `${url.pathname}${url.search}`;
    };
    // One browser (its cookies) whose requests the test sends to one instance or the other.
    const browser = new FormClient(apps[0]!.url);
    const on = (index: number) => {
      browser.baseUrl = apps[index]!.url;
      return browser;
    };
    const begin = await fetch(`${app.url}/login`, { redirect: "manual" });
    const authorize = await on(0).get(hop(begin.headers.get("location")));
    expect(authorize.location).toMatch(/\/authorize\/[\w-]+$/);
    const interaction = hop(authorize.location);

    // Sign-in and terms on instance 2.
    const toLogin = await on(1).get(interaction);
    expect(toLogin.location).toContain(`/login?next=${encodeURIComponent(interaction)}`);
    const login = await browser.get(hop(toLogin.location));
    const posted = await browser.submit(login, 'name="email"', { email: email! }, "/login");
    const answered = await answer(browser, await browser.get(hop(posted.location)));
    const terms = await browser.get(hop(answered.location));
    const accepted = await browser.submit(terms, 'name="accept"', { accept: "yes" }, "/terms");
    expect(hop(accepted.location)).toBe(interaction);
    const resumed = await browser.get(interaction);
    // The provider resumes on instance 1; the consent page and the decision are instance 2's.
    const consent = hop((await on(0).get(hop(resumed.location))).location);
    const consentPage = await on(1).get(`${consent}/consent`);
    expect(consentPage.status, `${consentPage.location}`).toBe(200);
    const decided = await browser.submit(consentPage, 'value="allow"', { decision: "allow" }, `${consent}/decision`);
    const callback = await on(0).get(hop(decided.location));
    expect(callback.location).toMatch(new RegExp(`^${app.url}/callback\\?code=`));
    const signedIn = await (await fetch(callback.location!)).text();
    console.log(
      `scale-out: authorization begun on :${PORTS[0]}, sign-in and consent on :${PORTS[1]} -> ${/<pre id="result">(\w+ \w+)/.exec(signedIn)?.[1]}`,
    );
    expect(signedIn).toContain("SIGNED IN");
  } finally {
    await app.close();
  }
});
