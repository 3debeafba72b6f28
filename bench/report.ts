import type { LoadResult } from "./support/load";
import { fmt, median, percentile, type ProviderStats } from "./support/stats";
import type { PageWeight } from "./weight";
import type { ProfileSummary } from "./profile";

/** What the import-and-drain task reports (bench/tasks/import-mail.ts). */
export type MailRun = {
  rows: number;
  importMs: number;
  /** When every imported row was visible to another connection. */
  committedMs: number;
  users: number;
  tokens: number;
  queued: number;
  sentBeforeDrain: number;
  drainStartedAt: number;
  drainEndedAt: number;
  sent: number;
  failed: number;
  left: number;
};

export type Report = {
  machine: {
    nproc: number;
    node: string;
    postgres: string;
    loadavg: number[];
    build: string;
  };
  plan: {
    vus: number[];
    warmupMs: number;
    durationMs: number;
    importRows: number;
    searchUsers: number;
    searchRepeat: number;
    mailLimitPerSecond: number;
    totpUsers: number;
    totpVus: number;
    nginxVus: number;
  };
  load: { signIn: LoadResult; floor: LoadResult }[];
  /** The sign-in of users with an authenticator app (its second step's page and code added). */
  totpSignIn?: LoadResult;
  /** Table 1c: through nginx, one instance then two. */
  nginx?: { instances: number; signIn: LoadResult; floor: LoadResult }[];
  mail?: MailRun & {
    delivered: number;
    duplicates: number;
    deliveries: number;
    providerStats: ProviderStats;
  };
  search?: {
    inserted: number;
    totalUsers: number;
    insertMs: number;
    samples: Record<string, number[]>;
  };
  weights: PageWeight[];
  profile?: ProfileSummary;
  totalSeconds: number;
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pcts = (samples: number[]) =>
  `${fmt(percentile(samples, 50), 0)}/${fmt(percentile(samples, 95), 0)}/${fmt(percentile(samples, 99), 0)}`;
const iterationP50 = (l: LoadResult) => l.perStep.reduce((sum, s) => sum + median(s), 0);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function printReport(r: Report): void {
  const out: string[] = [];
  const { machine: m, plan } = r;
  out.push(
    `Machine: ${m.nproc} cores, Node ${m.node}, PostgreSQL ${m.postgres}, load average at end ${m.loadavg.map((x) => x.toFixed(2)).join(" ")}; build ${m.build}; run took ${r.totalSeconds.toFixed(0)} s`,
  );

  out.push(
    `\n1. Sign-in (closed loop: each VU repeats the flow; ${plan.warmupMs / 1000} s warm-up + ${plan.durationMs / 1000} s counted per row; latencies ms p50/p95/p99)`,
  );
  const steps = ["POST email", "GET challenge", "POST answer", "GET dashboard"];
  const floorSteps = ["POST action", "GET page", "POST action", "GET page"];
  const rows: string[][] = [];
  const row = (flow: LoadResult, name: string) => [
    String(flow.vus),
    name,
    fmt(flow.completed / flow.seconds),
    String(flow.errors),
    ...flow.perStep.map(pcts),
    fmt(iterationP50(flow), 0),
  ];
  for (const { signIn, floor } of r.load) rows.push(row(signIn, "sign-in"), row(floor, "floor"));
  out.push(
    table(["VUs", "flow", "done/s", "errors", ...steps.map((s, i) => `${s} / ${floorSteps[i]}`), "flow p50 sum"], rows),
  );
  out.push(
    table(
      [
        "VUs",
        "sign-in cost / floor cost (throughput ratio)",
        "p50 flow ratio",
        "sign-in p95 of slowest step",
        "DB transactions per sign-in / per floor flow",
      ],
      r.load.map(({ signIn, floor }) => [
        String(signIn.vus),
        fmt(floor.completed / floor.seconds / (signIn.completed / signIn.seconds || NaN), 2),
        fmt(iterationP50(signIn) / iterationP50(floor), 2),
        fmt(Math.max(...signIn.perStep.map((s) => percentile(s, 95))), 0),
        `${fmt(signIn.transactionsPerIteration ?? NaN, 1)} / ${fmt(floor.transactionsPerIteration ?? NaN, 1)}`,
      ]),
    ),
  );
  for (const { signIn, floor } of r.load)
    for (const e of [...signIn.firstErrors, ...floor.firstErrors]) out.push(`  error (${signIn.vus} VUs): ${e}`);

  const totp = r.totpSignIn;
  const plain = r.load.find((l) => l.signIn.vus === totp?.vus)?.signIn;
  if (totp && plain) {
    out.push(
      `\n1b. Sign-in with an authenticator app (${plan.totpUsers} users taking turns: a code is accepted once per 30-second step)`,
    );
    const totpSteps = ["POST email", "GET challenge", "POST answer", "GET second step", "POST code", "GET dashboard"];
    out.push(
      table(
        ["VUs", "done/s", "errors", ...totpSteps, "flow p50 sum", "vs sign-in without (throughput, p50 flow)"],
        [
          [
            String(totp.vus),
            fmt(totp.completed / totp.seconds),
            String(totp.errors),
            ...totp.perStep.map(pcts),
            fmt(iterationP50(totp), 0),
            `${fmt(totp.completed / totp.seconds / (plain.completed / plain.seconds || NaN), 2)}, ${fmt(iterationP50(totp) / iterationP50(plain), 2)}`,
          ],
        ],
      ),
    );
    for (const e of totp.firstErrors) out.push(`  error (authenticator app, ${totp.vus} VUs): ${e}`);
  }

  const nginx = r.nginx ?? [];
  if (nginx.length > 0) {
    const one = nginx.find((row) => row.instances === 1);
    const rate = (flow: LoadResult) => flow.completed / flow.seconds;
    out.push(
      `\n1c. Through nginx (deploy/nginx/portal.conf), ${plan.nginxVus} VUs: one instance, then two (one per core) behind it`,
    );
    out.push(
      table(
        [
          "instances",
          "sign-in done/s",
          "floor done/s",
          "errors",
          "sign-in / floor (throughput)",
          "sign-in vs one instance",
        ],
        nginx.map((row) => [
          String(row.instances),
          fmt(rate(row.signIn)),
          fmt(rate(row.floor)),
          String(row.signIn.errors + row.floor.errors),
          fmt(rate(row.signIn) / (rate(row.floor) || NaN), 2),
          one ? fmt(rate(row.signIn) / (rate(one.signIn) || NaN), 2) : "",
        ]),
      ),
    );
    for (const row of nginx)
      for (const e of [...row.signIn.firstErrors, ...row.floor.firstErrors])
        out.push(`  error (nginx, ${row.instances} instance(s)): ${e}`);
  }

  const mail = r.mail;
  if (mail) {
    out.push(`\n2. Onboarding at scale: importUsers of ${mail.rows} rows`);
    out.push(
      table(
        ["rows", "seconds to commit", "seconds incl. first dispatch pass", "users", "tokens", "outbox rows"],
        [
          [
            String(mail.rows),
            fmt(mail.committedMs / 1000, 2),
            fmt(mail.importMs / 1000, 2),
            String(mail.users),
            String(mail.tokens),
            String(mail.queued),
          ],
        ],
      ),
    );

    const drainSeconds = (mail.drainEndedAt - mail.drainStartedAt) / 1000;
    const stats = mail.providerStats;
    const limit = plan.mailLimitPerSecond * 100;
    const drained = mail.sent - mail.sentBeforeDrain;
    const rate = drained / drainSeconds;
    out.push(
      `\n3. Mail dispatch: runMailWorker through the fake Resend (${plan.mailLimitPerSecond} requests/s, 100 emails/batch => ${limit} emails/s)`,
    );
    out.push(
      table(
        [
          "queued",
          "sent by import's own pass",
          "drained by worker",
          "drain s",
          "emails/s",
          "% of limit",
          "delivered (distinct)",
          "duplicates",
          "outbox sent",
          "failed",
          "429s",
          "replays",
        ],
        [
          [
            String(mail.queued),
            String(mail.sentBeforeDrain),
            String(drained),
            fmt(drainSeconds, 2),
            fmt(rate),
            `${fmt((100 * rate) / limit, 0)}%`,
            String(mail.delivered),
            String(mail.duplicates),
            String(mail.sent),
            String(mail.failed),
            String(stats.rateLimited),
            String(stats.replayed),
          ],
        ],
      ),
    );
  }

  const search = r.search;
  if (search) {
    out.push(
      `\n4. Operator search (searchDirectory) at ${search.totalUsers} users (${search.inserted} inserted in ${fmt(search.insertMs / 1000, 1)} s), ${plan.searchRepeat} runs each, ms`,
    );
    const all = Object.values(search.samples).flat();
    out.push(
      table(
        ["query", "p50", "p95", "max"],
        [
          ...Object.entries(search.samples).map(([name, s]) => [
            name,
            fmt(median(s)),
            fmt(percentile(s, 95)),
            fmt(Math.max(...s)),
          ]),
          ["all", fmt(median(all)), fmt(percentile(all, 95)), fmt(Math.max(...all))],
        ],
      ),
    );
  }

  out.push(`\n5. Page weight (Accept-Encoding gzip, deflate, br; bytes on the wire)`);
  out.push(
    table(
      [
        "page",
        "status",
        "HTML",
        "scripts",
        "JS compressed",
        "JS uncompressed",
        "client modules in the route graph (not Next's)",
      ],
      r.weights.map((w) => [
        w.path,
        String(w.status),
        `${kb(w.htmlBytes)} (${w.encoding})`,
        String(w.scripts),
        kb(w.scriptBytes),
        kb(w.scriptBytesRaw),
        w.clientComponents.join(", ") || "none",
      ]),
    ),
  );

  if (r.profile) {
    out.push(
      `\nCPU profile of next start (${r.profile.files} file(s), ${fmt(r.profile.totalMs / 1000, 1)} s on CPU, idle excluded): time by origin (bundled frames traced through the build's source maps)`,
    );
    out.push(
      table(
        ["origin", "self s", "self share", "inside s (incl. what it calls)", "inside share"],
        r.profile.byOrigin.map((o) => [
          o.origin,
          fmt(o.ms / 1000, 2),
          `${fmt(o.share * 100, 1)}%`,
          fmt(o.insideMs / 1000, 2),
          `${fmt((o.insideMs / r.profile!.totalMs) * 100, 1)}%`,
        ]),
      ),
    );
    out.push(
      table(
        ["top self-time functions", "origin", "s", "share"],
        r.profile.topFunctions.map((f) => [f.name, f.origin, fmt(f.ms / 1000, 2), `${fmt(f.share * 100, 1)}%`]),
      ),
    );
  }
  console.log(out.join("\n"));
}
