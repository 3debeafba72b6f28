import { expect, test } from "@playwright/test";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { createPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";
import { appSecrets, startApp, type AppServer } from "./support/app-server";
import { answer, seedUsers, startSignIn } from "./support/fixtures";
import { FormClient } from "./support/form-client";
import { startNginx, type Nginx } from "../support/nginx";

/**
 * Scenario E: Debian's nginx with deploy/nginx/portal.conf in front of two `next start`
 * instances on one PostgreSQL, the production topology of compose.yaml without containers.
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
    extraEnv: { APP_URL: `http://127.0.0.1:${NGINX_PORT}`, TRUSTED_PROXY_HOPS: "1" },
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

test("a rolling restart (SIGTERM one instance, start it again, then the other) under steady sign-in load loses no request", async () => {
  test.setTimeout(180_000);
  const emails = await seedUsers(options, 4);
  let running = true;
  let requests = 0;
  const failures: string[] = [];
  const signInLoop = async (email: string) => {
    while (running) {
      const client = new FormClient(nginx!.url);
      try {
        const { post, page } = await startSignIn(client, email);
        requests += page ? 3 : 2;
        const replies = [post, ...(page ? [page, await answer(client, page)] : [])];
        if (page) requests++;
        for (const reply of replies)
          if (reply.status >= 400) failures.push(`${reply.status} ${reply.html.slice(0, 80)}`);
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const load = Promise.all(emails.map(signInLoop));
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2_000));
  const restarts: string[] = [];
  for (const index of [0, 1]) {
    await pause();
    const started = Date.now();
    await apps[index]!.stop();
    apps[index] = await startApp({ ...options, port: PORTS[index]! });
    restarts.push(`:${PORTS[index]} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await pause();
  running = false;
  await load;
  console.log(
    `nginx: rolling restart (${restarts.join(", ")}) under ${emails.length} sign-in loops: ${requests} requests through nginx, ${failures.length} failed`,
  );
  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(20);
});
