import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../client";
import { users, type Role, type UserStatus } from "../../schema";
import { lockedAt } from "../lockout";
import { escapeLike } from "../sql";

/**
 * The operators' user directory: prefix search, filters and keyset pages. Every search clause
 * has the form `lower(col) LIKE lower($q) || '%'` (phone: `phone LIKE $q || '%'`), which the
 * planner turns into a range scan on the text_pattern_ops indexes of db/schema/users.ts; pages
 * walk (created_at, id) or (lower(name), id) indexes from the cursor, so page 2,000 costs what
 * page 1 costs.
 */

/** A status as the directory shows and filters it: "locked" is a lock state, not a stored status. */
export type DirectoryStatusFilter = UserStatus | "locked";
export type DirectorySort = "created" | "name";

export type DirectoryCursor = { key: string; id: string };

export type DirectoryQuery = {
  /** Already normalised; LIKE wildcards are escaped here. */
  search?: string;
  status?: DirectoryStatusFilter;
  role?: Role;
  sort: DirectorySort;
  /** Rows after this cursor (next page) or before it (previous page), in sort order. */
  after?: DirectoryCursor;
  before?: DirectoryCursor;
  limit: number;
  now: Date;
  /** Failures since the last operator unlock at which the account stays locked. */
  maxFailures: number;
};

/** The sort key as text, so a cursor round-trips without losing microseconds. */
function sortKey(sort: DirectorySort): SQL<string> {
  return sort === "created"
    ? sql<string>`to_char(${users.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql<string>`lower(${users.name})`;
}

function searchClause(search: string): SQL {
  const pattern = escapeLike(search);
  return or(
    sql`lower(${users.email}) like lower(${pattern}) || '%'`,
    sql`lower(${users.name}) like lower(${pattern}) || '%'`,
    sql`lower(${users.company}) like lower(${pattern}) || '%'`,
    sql`${users.phone} like ${pattern} || '%'`,
  )!;
}

/**
 * How a search is read. "matches-first": the users matching the prefix are found through the
 * text_pattern_ops indexes (a BitmapOr of range scans) and only they are sorted; OFFSET 0 keeps
 * the planner from merging that subquery into the paged query, where it might prefer walking
 * the whole sort index and filtering row by row (slow when the few matches sit at the far end,
 * say one company's users imported years ago). "sort-index": the paged query as it is, for
 * broad prefixes that match thousands of users: walking the sort index meets 50 of them soon,
 * while sorting every match would not be cheap.
 */
export type SearchPlan = "matches-first" | "sort-index";

/** Up to this many matches a search is read "matches-first". */
export const NARROW_SEARCH_MATCHES = 2000;

/** Counts matches of a search up to the limit (the count stops there), to choose its plan. */
export async function chooseSearchPlan(db: Executor, search: string): Promise<SearchPlan> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(
    db
      .select({ one: sql`1` })
      .from(users)
      .where(searchClause(search))
      .limit(NARROW_SEARCH_MATCHES)
      .as("matches"),
  );
  return Number(row?.n ?? 0) < NARROW_SEARCH_MATCHES ? "matches-first" : "sort-index";
}

/** The users matching a search as a fenced subquery aliased "users", so the outer columns refer to it. */
function matching(db: Executor, search: string) {
  // Drizzle leaves out "offset 0" when given the number 0; an SQL chunk is written as is.
  const fence = sql`0` as unknown as number;
  return db.select().from(users).where(searchClause(search)).offset(fence).as("users");
}

function statusClause(status: DirectoryStatusFilter, now: Date, maxFailures: number): SQL {
  const locked = lockedAt(now, maxFailures);
  switch (status) {
    case "disabled":
      return eq(users.status, "disabled");
    case "locked":
      return and(sql`${users.status} <> 'disabled'`, locked)!;
    case "invited":
    case "active":
      return and(eq(users.status, status), sql`not ${locked}`)!;
  }
}

/**
 * The SELECT for one page of users, unexecuted (tests EXPLAIN it). Sort "created" is newest
 * first, "name" is A to Z (case-insensitive); ties are broken by id. It asks for one row more
 * than the page, to know whether another page follows.
 */
export function directorySelect(db: Executor, query: DirectoryQuery, plan: SearchPlan = "matches-first") {
  const { sort, now, maxFailures } = query;
  const backwards = query.before !== undefined;
  const cursor = query.before ?? query.after;

  const conditions: SQL[] = [];
  const fenced = Boolean(query.search) && plan === "matches-first";
  if (query.search && !fenced) conditions.push(searchClause(query.search));
  if (query.status) conditions.push(statusClause(query.status, now, maxFailures));
  if (query.role) conditions.push(eq(users.role, query.role));
  if (cursor) {
    // "Later in display order": older for newest-first, alphabetically after for names.
    const later = sort === "created" ? !backwards : backwards;
    const op = sql.raw(later ? "<" : ">");
    conditions.push(
      sort === "created"
        ? sql`(${users.createdAt}, ${users.id}) ${op} (${cursor.key}::timestamptz, ${cursor.id}::uuid)`
        : sql`(lower(${users.name}), ${users.id}) ${op} (${cursor.key}, ${cursor.id}::uuid)`,
    );
  }
  // Newest first reads the created index backwards; a previous page reads the other way.
  const descending = sort === "created" ? !backwards : backwards;
  const direction = (column: SQL | typeof users.id) => (descending ? sql`${column} desc` : sql`${column} asc`);
  const order =
    sort === "created"
      ? [direction(sql`${users.createdAt}`), direction(users.id)]
      : [direction(sql`lower(${users.name})`), direction(users.id)];

  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      company: users.company,
      role: users.role,
      status: users.status,
      locked: sql<boolean>`${lockedAt(now, maxFailures)}`,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
      sortKey: sortKey(sort),
    })
    .from(fenced ? matching(db, query.search!) : users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(...order)
    .limit(query.limit + 1);
}

/** One page of users in display order, and whether more lie beyond it in the direction read. */
export async function listDirectory(executor: Executor, query: DirectoryQuery) {
  const plan = query.search ? await chooseSearchPlan(executor, query.search) : "sort-index";
  const rows = await directorySelect(executor, query, plan);
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (query.before !== undefined) page.reverse();
  return { rows: page, more };
}
