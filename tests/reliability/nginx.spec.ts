import { expect, test } from "@playwright/test";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { createPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";
import { appSecrets, startApp, type AppServer } from "./support/app-server";
import { answer, seedUsers, startSignIn } from "./support/fixtures";
import { FormClient } from "./support/form-client";
import { startNginx, type Nginx } from "../support/nginx";

/**
 * Scenario E: Debian's nginx with deploy/nginx/portal.conf in front of two standalone
 * instances (`npm run start`, the Dockerfile's command) on one PostgreSQL: the production
 * topology of compose.yaml without containers.
 */
const PG_PORT = Number(process.env.REL_NGINX_PG_PORT ?? 5549);
const NGINX_PORT = Number(process.env.REL_NGINX_PORT ?? 3610);
const PORTS = [3611, 3612];
const RESEND_PORT = Number(process.env.REL_NGINX_RESEND_PORT ?? 4611);

let pg: PrivatePostgres | undefined;
let resend: FakeResend | undefined;
let nginx: Nginx | undefined;
const apps: AppServer[] = [];
let options: Parameters<typeof seedUsers>[0];

test.beforeAll(async () => {
  pg = createPrivatePostgres(PG_PORT);
  resend = await startFakeResend({ port: RESEND_PORT });
  // The public address is nginx's; each instance trusts one proxy hop (the default).
  options = {
    databaseUrl: pg.url,
    resendUrl: resend.url,
    secrets: appSecrets(),
    extraEnv: { APP_URL: `http://127.0.0.1:${NGINX_PORT}`, TRUSTED_PROXY_HOPS: "1", LOG_LEVEL: "info" },
    standalone: true,
  };
  for (const port of PORTS) apps.push(await startApp({ ...options, port }));
  nginx = await startNginx(NGINX_PORT, PORTS);
});

test.afterAll(async () => {
  await nginx?.stop();
  await Promise.all(apps.map((app) => app.stop()));
  await resend?.close();
  pg?.destroy();
});

test("sign-ins through nginx are served by both instances, and the address recorded is the one nginx saw", async () => {
  const emails = await seedUsers(options, 3);
  const servedBy = new Set<string>();
  for (const email of emails) {
    // The client claims an address of its own choosing: nginx appends the real one after it.
    const client = new FormClient(nginx!.url, "203.0.113.77");
    const { post, page } = await startSignIn(client, email);
    servedBy.add(post.headers.get("x-served-by") ?? "");
    expect(page?.status).toBe(200);
    servedBy.add(page!.headers.get("x-served-by") ?? "");
    const reply = await answer(client, page!);
    servedBy.add(reply.headers.get("x-served-by") ?? "");
    expect(reply.status).toBe(303);
    expect(reply.location).toMatch(/\/terms$/);
  }
  const recorded = pg!.sql(
    `select distinct coalesce(last_sign_in_ip, 'NULL') from users where email in (${emails.map((e) => `'${e}'`).join(",")})`,
  );
  console.log(
    `nginx: ${emails.length} sign-ins through nginx served by ${[...servedBy].sort().join(" and ")}; recorded address ${recorded}`,
  );
  expect([...servedBy].sort()).toEqual(PORTS.map((port) => `127.0.0.1:${port}`));
  expect(recorded).toBe("127.0.0.1");
});

test("a rolling restart (SIGTERM one instance, start it again, then the other) under steady sign-in load loses no request and no email", async () => {
  test.setTimeout(180_000);
  // All the load comes from this machine, one address to nginx: as behind a load balancer in
  // front of nginx, the instances trust two hops here, so the per-address limits (30 sign-ins
  // in 5 minutes) see each client's own X-Forwarded-For and do not turn the load into refusals.
  const behindBalancer = { ...options, extraEnv: { ...options.extraEnv, TRUSTED_PROXY_HOPS: "2" } };
  for (const index of [0, 1]) {
    await apps[index]!.stop();
    apps[index] = await startApp({ ...behindBalancer, port: PORTS[index]! });
  }
  const emails = await seedUsers(options, 4);
  // Five wrong answers lock an account, and its lock email is sent after the response by
  // whichever instance took the fifth: one stopping then must still send it.
  const toLock = await seedUsers(options, 12);
  let running = true;
  let requests = 0;
  let signedIn = 0;
  const locked: string[] = [];
  const failures: string[] = [];
  const attempt = async (email: string, correct: boolean) => {
    const client = new FormClient(nginx!.url);
    const { post, page } = await startSignIn(client, email);
    if (!page) throw new Error(`sign-in of ${email} did not reach the challenge: ${post.status} ${post.location}`);
    const reply = await answer(client, page, correct);
    requests += 3;
    for (const step of [post, page, reply])
      if (step.status >= 400) failures.push(`${step.status} ${step.html.slice(0, 80)}`);
    // Right answers sign in (to the terms, first time, or the dashboard); wrong ones do not.
    if (correct && !(reply.status === 303 && /\/(terms|dashboard)$/.test(reply.location ?? "")))
      failures.push(`sign-in of ${email}: ${reply.status} ${reply.location}`);
    if (correct) signedIn++;
  };
  const guarded = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      failures.push(String(error));
    }
  };
  const signInLoop = async (email: string) => {
    while (running) await guarded(() => attempt(email, true));
  };
  const lockLoop = async () => {
    for (const email of toLock) {
      if (!running) break;
      for (let i = 0; i < 5; i++) await guarded(() => attempt(email, false));
      locked.push(email);
    }
  };
  const load = Promise.all([...emails.map(signInLoop), lockLoop()]);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2_000));
  const restarts: string[] = [];
  const shutdowns: string[] = [];
  for (const index of [0, 1]) {
    await pause();
    const started = Date.now();
    const stopping = apps[index]!;
    await stopping.stop();
    shutdowns.push(
      stopping
        .output()
        .split("\n")
        .find((line) => line.includes('"shutdown.finished"')) ?? "none",
    );
    apps[index] = await startApp({ ...behindBalancer, port: PORTS[index]! });
    restarts.push(`:${PORTS[index]} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await pause();
  running = false;
  await load;
  const lockEmails = () =>
    resend!.deliveries().filter((d) => locked.includes(d.to[0] ?? "") && /locked|ロック/i.test(d.subject)).length;
  await expect.poll(lockEmails, { timeout: 20_000 }).toBe(locked.length);
  console.log(
    `nginx: rolling restart (${restarts.join(", ")}) under ${emails.length} sign-in loops and a locking one: ${requests} requests through nginx, ${signedIn} sign-ins, ${failures.length} failed; ${locked.length} accounts locked, ${lockEmails()} lock emails delivered`,
  );
  console.log(`nginx: shutdowns ${shutdowns.join(" | ")}`);
  expect(failures).toEqual([]);
  expect(signedIn).toBeGreaterThan(20);
  expect(locked.length).toBeGreaterThan(2);
  for (const line of shutdowns) {
    expect(JSON.parse(line)).toMatchObject({
      requestsCut: 0,
      afterWorkDone: true,
      loopsStopped: true,
      databaseClosed: true,
    });
  }
});
