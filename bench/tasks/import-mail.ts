/**
 * Child task of `npm run bench`: onboarding at scale, then mail dispatch.
 * 1. importUsers (the operators' CSV import verb) with `--rows` new users; checks the users,
 *    tokens and starting-guide outbox rows were committed.
 * 2. The production mail worker (runMailWorker, MAIL_TRANSPORT=resend) drains those emails
 *    through the bench's rate-limited fake Resend until every one is marked sent.
 * Prints BENCH_RESULT JSON with the timings and database counts.
 */
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "10000" },
      run: { type: "string", default: "bench" },
      "timeout-s": { type: "string", default: "300" },
    },
  });
  const rows = Number(values.rows);
  const prefix = `${values.run}-import-`;
  const { importUsers } = await import("@/lib/admin");
  const { runMailWorker } = await import("@/lib/mail");
  const { systemContext } = await import("@/lib/http/request-context");
  const { closeDb, getDb } = await import("@/db/client");
  await getDb(); // migrated before the commit is watched from another connection
  const { env } = await import("@/env");
  const sql = postgres(env.DATABASE_URL!, { max: 1, onnotice: () => {} });

  const lines = ["email,name,phone,company,role,locale"];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${prefix}${i}@bench.example,Import User ${i},09${String(i).padStart(9, "0")},Bench K.K.,customer,${i % 2 ? "ja" : "en"}`,
    );
  const bytes = new TextEncoder().encode(lines.join("\n"));

  // Outside a request the verb also runs its first dispatch pass before returning (inside the
  // operators' server action that pass runs after the response). So the commit is timed from
  // another connection: the moment every row is visible.
  const like = `${prefix}%`;
  const importStarted = performance.now();
  let committedMs = Number.NaN;
  const importing = importUsers(bytes, null, systemContext());
  let settled = false;
  void importing.finally(() => (settled = true));
  while (!settled || Number.isNaN(committedMs)) {
    const [visible] = await sql`select count(*)::int as n from email_outbox where to_address like ${like}`;
    if (Number.isNaN(committedMs) && visible!.n === rows) committedMs = performance.now() - importStarted;
    if (settled && Number.isNaN(committedMs)) break;
    await sleep(25);
  }
  const result = await importing;
  const importMs = performance.now() - importStarted;
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result).slice(0, 500)}`);
  const [users] = await sql`select count(*)::int as n from users where email like ${like}`;
  const [tokens] =
    await sql`select count(*)::int as n from onboarding_tokens t join users u on u.id = t.user_id where u.email like ${like}`.catch(
      () => [{ n: -1 }],
    );
  const [queued] = await sql`select count(*)::int as n from email_outbox where to_address like ${like}`;

  const pending = async () =>
    (await sql`select count(*)::int as n from email_outbox where to_address like ${like} and status <> 'sent'`)[0]!
      .n as number;
  const [before] =
    await sql`select count(*)::int as n from email_outbox where to_address like ${like} and status = 'sent'`;
  const controller = new AbortController();
  const drainStartedAt = Date.now();
  const worker = runMailWorker({ signal: controller.signal });
  const deadline = Date.now() + Number(values["timeout-s"]) * 1000;
  let left = await pending();
  while (left > 0 && Date.now() < deadline) {
    await sleep(100);
    left = await pending();
  }
  const drainEndedAt = Date.now();
  controller.abort();
  await worker;
  const [sent] =
    await sql`select count(*)::int as n from email_outbox where to_address like ${like} and status = 'sent'`;
  const [failed] =
    await sql`select count(*)::int as n from email_outbox where to_address like ${like} and status = 'failed'`;
  await sql.end();
  await closeDb();
  const out = {
    rows,
    importMs,
    committedMs,
    users: users!.n,
    tokens: tokens!.n,
    queued: queued!.n,
    sentBeforeDrain: before!.n,
    drainStartedAt,
    drainEndedAt,
    sent: sent!.n,
    failed: failed!.n,
    left,
  };
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
