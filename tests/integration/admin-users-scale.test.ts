import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { insertSyntheticUsers } from "@/tests/support/synthetic-users";
import { chooseSearchPlan, directorySelect, type DirectoryQuery } from "@/db/queries/directory/search";
import { DIRECTORY_PAGE_SIZE, searchDirectory } from "@/lib/admin";
import { MAX_FAILURES_BEFORE_OPERATOR } from "@/lib/login";

/**
 * The directory at scale: 100,000 users inserted with one INSERT … SELECT generate_series, then
 * a prefix search and the first pages must answer quickly and their plans must use the indexes
 * (text_pattern_ops for the prefix, (created_at, id) / (lower(name), id) for the keyset order).
 * The plans and timings are printed so they can be quoted.
 *
 * On a shared PostgreSQL the rows carry this run's tag and are deleted afterwards.
 */

const onPostgres = Boolean(process.env.DATABASE_URL);
const COUNT = 100_000;
const run = randomUUID().slice(0, 8);
const tag = `scale${run}`;

beforeAll(async () => {
  const db = await getDb();
  const started = performance.now();
  await insertSyntheticUsers(db, tag, COUNT);
  const inserted = performance.now() - started;
  await db.execute(sql`analyze users`);
  console.log(
    `[scale] inserted ${COUNT} users on ${onPostgres ? "PostgreSQL" : "PGlite"} in ${inserted.toFixed(0)} ms (one INSERT … SELECT generate_series), then ANALYZE`,
  );
}, 600_000);

afterAll(async () => {
  if (onPostgres) {
    const db = await getDb();
    await db.execute(sql`delete from users where email like ${`${tag}-%`}`);
  }
  await closeDb();
}, 120_000);

function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result)
    ? (result as Record<string, unknown>[])
    : ((result as { rows: Record<string, unknown>[] }).rows ?? []);
}

/** EXPLAIN ANALYZE of the page query exactly as listDirectory runs it (same plan choice). */
async function explain(query: DirectoryQuery): Promise<string> {
  const db = await getDb();
  const plan = query.search ? await chooseSearchPlan(db, query.search) : "sort-index";
  const statement = directorySelect(db, query, plan) as unknown as SQL;
  const result = await db.execute(sql`explain (analyze, costs off, timing on, summary on) ${statement}`);
  return `(search plan: ${plan})\n${rowsOf(result)
    .map((row) => String(Object.values(row)[0]))
    .join("\n")}`;
}

const base = {
  sort: "created",
  limit: DIRECTORY_PAGE_SIZE,
  now: new Date(),
  maxFailures: MAX_FAILURES_BEFORE_OPERATOR,
} as const;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  await fn(); // warm the plan cache and buffers once
  const started = performance.now();
  const result = await fn();
  console.log(`[scale] ${label}: ${(performance.now() - started).toFixed(1)} ms`);
  return result;
}

test(`a prefix search over ${COUNT} users answers its first page from the indexes`, async () => {
  // "suzuki scale<run> 1" matches the Suzuki users whose number starts with 1: a few thousand.
  const q = `Suzuki ${tag} 1`;
  const page = await timed(`prefix search "${q}" (first page, newest first)`, () => searchDirectory({ q }, new Date()));
  expect(page.rows).toHaveLength(DIRECTORY_PAGE_SIZE);
  expect(page.rows.every((row) => row.name.startsWith(`Suzuki ${tag} 1`))).toBe(true);
  expect(page.next).not.toBeNull();

  const plan = await explain({ ...base, search: q });
  console.log(`[scale] EXPLAIN ANALYZE, prefix search "${q}":\n${plan}`);
  expect(plan).toMatch(/search plan: matches-first/);
  expect(plan).toMatch(/Bitmap Index Scan/);
  expect(plan).toMatch(/users_(name_lower|email_pattern|company_lower|phone_pattern)_idx/);
  expect(plan).not.toMatch(/Seq Scan on users/);

  // The worst case for this plan: a prefix every user matches ("Company …"), sorted in full.
  const broad = await timed(`broad prefix search "company" (matches all ${COUNT})`, () =>
    searchDirectory({ q: "company" }, new Date()),
  );
  expect(broad.rows).toHaveLength(DIRECTORY_PAGE_SIZE);
  const broadPlan = await explain({ ...base, search: "company" });
  console.log(`[scale] EXPLAIN ANALYZE, broad prefix search "company":\n${broadPlan}`);
  expect(broadPlan).toMatch(/search plan: sort-index/);
  expect(broadPlan).toMatch(/Index Scan Backward using users_created_idx/);

  // An email prefix narrows to one user.
  const exact = await timed(`prefix search "${tag}-4242@"`, () => searchDirectory({ q: `${tag}-4242@` }, new Date()));
  expect(exact.rows.map((row) => row.email)).toEqual([`${tag}-4242@example.com`]);
});

test("the first and a deep keyset page of the unfiltered directory walk the sort indexes", async () => {
  const first = await timed("first page, newest first, no filter", () => searchDirectory({}, new Date()));
  expect(first.rows).toHaveLength(DIRECTORY_PAGE_SIZE);
  const createdPlan = await explain(base);
  console.log(`[scale] EXPLAIN ANALYZE, first page newest first:\n${createdPlan}`);
  expect(createdPlan).toMatch(/Index Scan Backward using users_created_idx/);

  // Far into the list: the cursor of row ~50,000 costs what the first page costs.
  const db = await getDb();
  const [middle] = rowsOf(
    await db.execute(
      sql`select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key from users where email = ${`${tag}-50000@example.com`}`,
    ),
  );
  const cursor = { key: String(middle!.key), id: String(middle!.id) };
  const deepPlan = await explain({ ...base, after: cursor });
  console.log(`[scale] EXPLAIN ANALYZE, page after row 50,000 newest first:\n${deepPlan}`);
  expect(deepPlan).toMatch(/Index Scan Backward using users_created_idx/);

  const byName = await timed("first page, by name, status active", () =>
    searchDirectory({ sort: "name", status: "active" }, new Date()),
  );
  expect(byName.rows).toHaveLength(DIRECTORY_PAGE_SIZE);
  const namePlan = await explain({ ...base, sort: "name", status: "active" });
  console.log(`[scale] EXPLAIN ANALYZE, first page by name, active only:\n${namePlan}`);
  expect(namePlan).toMatch(/Index Scan using users_name_sort_idx/);
});
