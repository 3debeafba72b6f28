/**
 * `npm run bench [-- --quick] [-- --no-build] [-- --profile]`: measures the portal doing its
 * job next to the limits that bound it, in one run, and prints a table. See docs/PERFORMANCE.md.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchServer, committedTransactions, createDatabase, dropDatabase, serverVersion } from "./support/db";
import { runTask } from "./support/child";
import { createAgent } from "./support/vu";
import { floorFlow, runLoad, signInFlow, type BenchUser, type LoadResult } from "./support/load";
import { buildOnce, startServer, type RunningServer } from "./support/server";
import { startFakeResend } from "../tests/support/fake-resend";
import { organizationSettings } from "../tests/support/organization";
import { deliveriesPerRecipient, providerStats } from "./support/stats";
import { pageWeights } from "./weight";
import { printReport, type MailRun, type Report } from "./report";
import { summariseProfiles } from "./profile";
import { measureThroughNginx, nginxInstalled, type NginxRow } from "./nginx";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    "keep-db": { type: "boolean", default: false },
    port: { type: "string", default: "3400" },
    "resend-port": { type: "string", default: "4400" },
    database: { type: "string", default: "perf_bench" },
    seconds: { type: "string" },
    vus: { type: "string" },
    "import-rows": { type: "string" },
    /** Comma-separated subset of sections: signin, nginx (needs signin), mail, search (for iterating on one). */
    only: { type: "string", default: "signin,nginx,mail,search" },
  },
});

const quick = args.quick;
const plan = {
  vus: (args.vus ?? (quick ? "10,50" : "10,50,100")).split(",").map(Number),
  warmupMs: quick ? 1_000 : 3_000,
  durationMs: Number(args.seconds ?? (quick ? 4 : 20)) * 1000,
  importRows: Number(args["import-rows"] ?? (quick ? 1_000 : 10_000)),
  searchUsers: quick ? 10_000 : 100_000,
  searchRepeat: quick ? 10 : 50,
  mailLimitPerSecond: 2,
  /**
   * Users with an authenticator app. A code counts once, so each can sign in at most twice in one
   * 30-second step: the pool must outlast the warm-up and the window (about 8 s quick, 26 s full)
   * at well over the 16/s these machines reach. 60 ran out at 16/s.
   */
  totpUsers: quick ? 200 : 800,
  totpVus: 10,
  /** Table 1c: the load through nginx, with one instance and with two behind it. */
  nginxVus: 20,
};

const chosenServer = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL_BASE;
const defaultServer = "postgres://postgres:postgres@127.0.0.1:5432";
const port = Number(args.port);
const sections = new Set(args.only.split(","));

/** runLoad, plus the database transactions it cost per iteration. */
async function measuredLoad(
  base: string,
  agent: Parameters<typeof runLoad>[1],
  flow: Parameters<typeof runLoad>[2],
  options: Parameters<typeof runLoad>[3],
  databaseUrl: string,
) {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));
  await settle();
  const before = await committedTransactions(databaseUrl);
  const result = await runLoad(base, agent, flow, options);
  await settle();
  const after = await committedTransactions(databaseUrl);
  // Minus the two reads of the counter itself.
  return {
    ...result,
    transactionsPerIteration: (after - before - 1) / Math.max(1, result.iterationsStarted ?? 1),
  };
}

async function main(): Promise<number> {
  const started = Date.now();
  const pg = await benchServer(chosenServer ?? defaultServer, chosenServer !== undefined);
  try {
    return await measure(started, pg.url);
  } finally {
    pg.stop();
  }
}

async function measure(started: number, serverUrl: string): Promise<number> {
  const build = sections.has("signin") ? buildOnce(quick || args["no-build"]) : "skipped";
  const databaseUrl = await createDatabase(serverUrl, args.database);
  const resend = await startFakeResend({
    port: Number(args["resend-port"]),
    rateLimit: { perSecond: plan.mailLimitPerSecond },
  });
  const secrets = {
    AUTH_SECRET: randomBytes(33).toString("base64"),
    PATTERN_KEY: randomBytes(32).toString("base64"),
  };
  const appUrl = `http://127.0.0.1:${port}`;
  const common = {
    ...secrets,
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    LOG_LEVEL: "warn",
    TRUSTED_PROXY_HOPS: "1",
    // The business that operates the portal: a production start requires it (env.ts).
    ...organizationSettings,
  };
  const resendEnv = {
    MAIL_TRANSPORT: "resend",
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: resend.url,
  };
  const maxVus = Math.max(...plan.vus);
  let server: RunningServer | undefined;
  try {
    const load: { signIn: LoadResult; floor: LoadResult }[] = [];
    let totp: LoadResult | undefined;
    let nginxRows: NginxRow[] = [];
    let weights: Awaited<ReturnType<typeof pageWeights>> = [];
    let profile: ReturnType<typeof summariseProfiles> | undefined;
    if (sections.has("signin")) {
      const seeded = await runTask<{
        users: BenchUser[];
        onboardingSessionId: string;
      }>("seed.ts", ["--users", String(maxVus), "--totp-users", String(plan.totpUsers)], {
        ...common,
        NODE_ENV: "test",
        MAIL_TRANSPORT: "outbox",
      });
      const serverEnv = { ...common, ...resendEnv, BENCH_ROUTES: "1" };
      const profileDir = join(__dirname, "..", ".bench", "profiles");
      const nodeArgs = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
      if (args.profile) mkdirSync(profileDir, { recursive: true });
      server = await startServer(port, serverEnv, nodeArgs);
      const agent = createAgent(maxVus);
      const signIn = signInFlow(seeded.users.filter((user) => !user.totpSecret));
      const totpSignIn = signInFlow(seeded.users.filter((user) => user.totpSecret));
      const floor = floorFlow();
      // Warm the server (JIT, connections, caches) before anything is counted.
      await runLoad(server.url, agent, signIn, {
        vus: 10,
        warmupMs: 0,
        durationMs: quick ? 1_000 : 3_000,
      });
      await runLoad(server.url, agent, floor, {
        vus: 10,
        warmupMs: 0,
        durationMs: quick ? 1_000 : 3_000,
      });

      for (const vus of plan.vus) {
        const options = {
          vus,
          warmupMs: plan.warmupMs,
          durationMs: plan.durationMs,
        };
        const floorResult = await measuredLoad(server.url, agent, floor, options, databaseUrl);
        const signInResult = await measuredLoad(server.url, agent, signIn, options, databaseUrl);
        load.push({ signIn: signInResult, floor: floorResult });
        console.error(
          `[bench] ${vus} VUs: sign-in ${(signInResult.completed / signInResult.seconds).toFixed(1)}/s, floor ${(floorResult.completed / floorResult.seconds).toFixed(1)}/s`,
        );
      }
      // The same sign-in for users with an authenticator app: its two extra requests, at one load.
      const totpOptions = { vus: plan.totpVus, warmupMs: plan.warmupMs, durationMs: plan.durationMs };
      await runLoad(server.url, agent, totpSignIn, {
        vus: plan.totpVus,
        warmupMs: 0,
        durationMs: quick ? 1_000 : 3_000,
      });
      totp = await measuredLoad(server.url, agent, totpSignIn, totpOptions, databaseUrl);
      console.error(
        `[bench] ${plan.totpVus} VUs: sign-in with an authenticator app ${(totp.completed / totp.seconds).toFixed(1)}/s`,
      );
      weights = await pageWeights(server.url, agent, seeded.users[0]!.email, seeded.onboardingSessionId);
      await server.stop();
      server = undefined;
      profile = args.profile ? summariseProfiles(profileDir) : undefined;
      if (sections.has("nginx") && !nginxInstalled()) console.error("[bench] nginx is not installed: table 1c skipped");
      else if (sections.has("nginx"))
        nginxRows = await measureThroughNginx({
          agent,
          users: seeded.users.filter((user) => !user.totpSecret),
          env: serverEnv,
          basePort: port + 10,
          vus: plan.nginxVus,
          warmupMs: plan.warmupMs,
          durationMs: plan.durationMs,
        });
      await agent.close();
    }

    resend.reset();
    const mail = sections.has("mail")
      ? await runTask<MailRun>(
          "import-mail.ts",
          ["--rows", String(plan.importRows), "--timeout-s", quick ? "60" : "300"],
          { ...common, ...resendEnv, NODE_ENV: "production" },
        )
      : undefined;
    const importRecipients = [...deliveriesPerRecipient(resend.deliveries())].filter(([to]) =>
      to.startsWith("bench-import-"),
    );
    const search = !sections.has("search")
      ? undefined
      : await runTask<{
          inserted: number;
          totalUsers: number;
          insertMs: number;
          samples: Record<string, number[]>;
        }>("search.ts", ["--users", String(plan.searchUsers), "--repeat", String(plan.searchRepeat)], {
          ...common,
          NODE_ENV: "production",
          MAIL_TRANSPORT: "resend",
          RESEND_API_KEY: "re_bench",
          RESEND_BASE_URL: resend.url,
        });
    await resend.close();

    const report: Report = {
      machine: {
        nproc: cpus().length,
        node: process.version,
        postgres: await serverVersion(databaseUrl),
        loadavg: loadavg(),
        build,
      },
      plan,
      load,
      totpSignIn: totp,
      nginx: nginxRows,
      mail: mail && {
        ...mail,
        delivered: importRecipients.length,
        duplicates: importRecipients.filter(([, n]) => n > 1).length,
        deliveries: importRecipients.reduce((sum, [, n]) => sum + n, 0),
        providerStats: providerStats(resend.requests()),
      },
      search,
      weights,
      profile,
      totalSeconds: (Date.now() - started) / 1000,
    };
    mkdirSync(join(__dirname, "..", ".bench"), { recursive: true });
    writeFileSync(
      join(__dirname, "..", ".bench", quick ? "last-quick.json" : "last.json"),
      JSON.stringify(report, null, 2),
    );
    printReport(report);
    const signInErrors =
      [...load, ...nginxRows].reduce((sum, l) => sum + l.signIn.errors + l.floor.errors, 0) + (totp ? totp.errors : 0);
    const mailBroken =
      report.mail !== undefined &&
      (report.mail.delivered !== report.mail.rows ||
        report.mail.duplicates > 0 ||
        report.mail.sent !== report.mail.rows);
    if (signInErrors > 0) console.error(`[bench] FAIL: ${signInErrors} sign-in/floor flow errors`);
    if (mailBroken) console.error("[bench] FAIL: emails lost, duplicated or not marked sent");
    // A level where no flow completed at all proves nothing: a failure too.
    const idle = load.filter((l) => l.signIn.completed === 0 || l.floor.completed === 0).map((l) => l.signIn.vus);
    if (totp?.completed === 0) idle.push(totp.vus);
    for (const row of nginxRows) if (row.signIn.completed === 0 || row.floor.completed === 0) idle.push(row.signIn.vus);
    if (idle.length > 0) console.error(`[bench] FAIL: no flow completed in the window at ${idle.join(", ")} VUs`);
    return signInErrors > 0 || idle.length > 0 || mailBroken ? 1 : 0;
  } finally {
    await server?.stop();
    if (!args["keep-db"]) await dropDatabase(serverUrl, args.database).catch(() => {});
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
