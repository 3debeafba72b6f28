import { normalizeText } from "@/lib/identity";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listUserAuditEvents } from "@/db/queries/audit";
import {
  listDirectory,
  type DirectoryCursor,
  type DirectorySort,
  type DirectoryStatusFilter,
} from "@/db/queries/directory/search";
import { findDirectoryUser } from "@/db/queries/directory/user";
import { userRole, userStatus, type Role, type UserStatus } from "@/db/schema";
import { isLocked, MAX_FAILURES_BEFORE_OPERATOR } from "@/lib/login/policy";
import { isUuid } from "@/db/ids";

export type { DirectorySort, DirectoryStatusFilter } from "@/db/queries/directory/search";

/** Users per directory page. */
export const DIRECTORY_PAGE_SIZE = 50;
/** Audit events shown on a user's detail page. */
export const USER_AUDIT_EVENTS = 50;

export const isUserId = isUuid;

/** What a user's status reads as in the directory: "locked" wins over invited and active. */
export type DisplayStatus = DirectoryStatusFilter;

export function displayStatus(user: { status: UserStatus; locked: boolean }): DisplayStatus {
  if (user.status === "disabled") return "disabled";
  return user.locked ? "locked" : user.status;
}

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : one(value)), schema.optional()).catch(undefined);

/** The directory's URL parameters. Anything unexpected is ignored, never an error. */
const directoryParams = z.object({
  q: z
    .preprocess(one, z.string().max(200).optional())
    .catch(undefined)
    .transform((value) => (value ? normalizeText(value) : undefined) || undefined),
  status: optional(z.enum([...userStatus.enumValues, "locked"])),
  role: optional(z.enum(userRole.enumValues)),
  sort: z.preprocess(one, z.enum(["created", "name"])).catch("created"),
  after: optional(z.string().max(1024)),
  before: optional(z.string().max(1024)),
});

export type DirectoryFilters = {
  q?: string;
  status?: DirectoryStatusFilter;
  role?: Role;
  sort: DirectorySort;
};

const CREATED_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.(\d{6})Z$/;

/** A cursor is the last (or first) row's sort key and id, base64url JSON, bound to its sort. */
export function encodeCursor(sort: DirectorySort, row: { sortKey: string; id: string }): string {
  return Buffer.from(JSON.stringify([sort, row.sortKey, row.id])).toString("base64url");
}

/** The cursor, or undefined when it is malformed, for another sort, or names an impossible time. */
export function decodeCursor(sort: DirectorySort, value: string | undefined): DirectoryCursor | undefined {
  if (!value || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) return undefined;
  const [cursorSort, key, id] = decoded as unknown[];
  if (cursorSort !== sort || typeof key !== "string" || key.length > 400 || /\p{Cc}/u.test(key) || !isUserId(id))
    return undefined;
  if (sort === "created") {
    const match = CREATED_KEY.exec(key);
    // A real instant: Date would roll 2024-02-30 over to March, so compare the round trip.
    const millis = match ? key.slice(0, 23) + "Z" : "";
    if (!match || Number.isNaN(Date.parse(millis)) || new Date(millis).toISOString() !== millis) return undefined;
  }
  return { key, id };
}

export type DirectoryRow = {
  id: string;
  name: string;
  email: string;
  company: string | null;
  role: Role;
  status: DisplayStatus;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export type DirectoryPage = {
  filters: DirectoryFilters;
  rows: DirectoryRow[];
  /** Cursors for the "Next page" and "Previous page" links; null when there is no such page. */
  next: string | null;
  previous: string | null;
};

/**
 * One page of the directory for the URL's search parameters (a GET form, so pages can be
 * bookmarked and shared). A cursor that does not fit is ignored: the first page is shown.
 */
export async function searchDirectory(
  params: Record<string, string | string[] | undefined>,
  now: Date,
): Promise<DirectoryPage> {
  const parsed = directoryParams.parse(params);
  const filters: DirectoryFilters = { q: parsed.q, status: parsed.status, role: parsed.role, sort: parsed.sort };
  const after = decodeCursor(filters.sort, parsed.after);
  const before = after ? undefined : decodeCursor(filters.sort, parsed.before);
  const { rows, more } = await listDirectory(await getDb(), {
    search: filters.q,
    status: filters.status,
    role: filters.role,
    sort: filters.sort,
    after,
    before,
    limit: DIRECTORY_PAGE_SIZE,
    now,
    maxFailures: MAX_FAILURES_BEFORE_OPERATOR,
  });
  const first = rows[0];
  const last = rows.at(-1);
  // Reading forwards, a page came before this one if we started from a cursor; reading
  // backwards, `more` says whether there is still an earlier page.
  const hasPrevious = before ? more : after !== undefined;
  const hasNext = before ? true : more;
  return {
    filters,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      company: row.company,
      role: row.role,
      status: displayStatus(row),
      lastSignInAt: row.lastSignInAt,
      createdAt: row.createdAt,
    })),
    next: hasNext && last ? encodeCursor(filters.sort, last) : null,
    previous: hasPrevious && first ? encodeCursor(filters.sort, first) : null,
  };
}

/** A user's profile, status, lock state and newest audit events; undefined for an unknown or malformed id. */
export async function directoryUser(userId: string, now: Date) {
  if (!isUserId(userId)) return undefined;
  const db = await getDb();
  const user = await findDirectoryUser(db, userId, now);
  if (!user) return undefined;
  const locked = isLocked(user, now);
  const events = await listUserAuditEvents(db, userId, USER_AUDIT_EVENTS);
  return {
    ...user,
    locked,
    needsOperatorUnlock: user.failuresSinceUnlock >= MAX_FAILURES_BEFORE_OPERATOR,
    displayStatus: displayStatus({ status: user.status, locked }),
    events,
  };
}

export type DirectoryUser = NonNullable<Awaited<ReturnType<typeof directoryUser>>>;
