/**
 * Child task of `npm run bench`: operator search at scale. Inserts `--users` users with one
 * INSERT … SELECT generate_series (as tests/integration/admin-users-scale.test.ts does),
 * ANALYZEs, then times searchDirectory (the users list: prefix search and keyset pages).
 * Prints BENCH_RESULT JSON with every sample per query kind.
 */
import { parseArgs } from "node:util";
import postgres from "postgres";

async function main() {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "100000" },
      repeat: { type: "string", default: "50" },
    },
  });
  const count = Number(values.users);
  const repeat = Number(values.repeat);
  const { searchDirectory } = await import("@/lib/admin");
  const { closeDb, getDb } = await import("@/db/client");
  const { insertSyntheticUsers } = await import("@/tests/support/synthetic-users");
  const { env } = await import("@/env");
  const sql = postgres(env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const tag = "scale";

  const insertStarted = performance.now();
  await insertSyntheticUsers(await getDb(), tag, count);
  await sql`analyze users`;
  const insertMs = performance.now() - insertStarted;
  const [total] = await sql`select count(*)::int as n from users`;

  const kinds: Record<string, (i: number) => Promise<unknown>> = {
    "prefix name (Suzuki scale 1…)": (i) => searchDirectory({ q: `Suzuki ${tag} ${1 + (i % 9)}` }, new Date()),
    "prefix broad (company)": () => searchDirectory({ q: "company" }, new Date()),
    "prefix email (scale-42…)": (i) => searchDirectory({ q: `${tag}-${42 + i}` }, new Date()),
    "first page, no filter": () => searchDirectory({}, new Date()),
    "next page of a prefix search": async (i) => {
      const first = await searchDirectory({ q: `Tanaka ${tag} ${1 + (i % 9)}` }, new Date());
      const started = performance.now();
      await searchDirectory({ q: `Tanaka ${tag} ${1 + (i % 9)}`, after: first.next ?? undefined }, new Date());
      return performance.now() - started;
    },
  };
  const samples: Record<string, number[]> = {};
  for (const [name, run] of Object.entries(kinds)) {
    await run(0); // warm the plan and buffers once
    samples[name] = [];
    for (let i = 0; i < repeat; i++) {
      const started = performance.now();
      const inner = await run(i);
      samples[name].push(typeof inner === "number" ? inner : performance.now() - started);
    }
  }
  await sql.end();
  await closeDb();
  process.stdout.write(
    `\nBENCH_RESULT ${JSON.stringify({ inserted: count, totalUsers: total!.n, insertMs, samples })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
