import { asc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { users, type NewUser, type User } from "../schema";
import { lockedAt } from "./lockout";

export class DuplicateEmailError extends Error {
  constructor() {
    super("A user with this email address already exists");
    this.name = "DuplicateEmailError";
  }
}

// The driver's error, or drizzle's wrapper with the driver's error as its cause.
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === "23505" || e.cause?.code === "23505";
}

/** Runs an insert into users, turning the unique-address violation into DuplicateEmailError. */
export async function insertingUsers<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateEmailError();
    throw error;
  }
}

/** Who a user is and how they use the portal: the columns every listing of users starts from. */
export const profileColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  phone: users.phone,
  company: users.company,
  role: users.role,
  status: users.status,
  locale: users.locale,
};

export async function insertUser(executor: Executor, values: NewUser): Promise<User> {
  const [user] = await insertingUsers(() => executor.insert(users).values(values).returning());
  return user!;
}

export async function findUserByEmail(executor: Executor, email: string): Promise<User | undefined> {
  const [user] = await executor
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return user;
}

export async function findUserById(executor: Executor, id: string): Promise<User | undefined> {
  const [user] = await executor.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export async function activateUser(executor: Executor, id: string, now: Date): Promise<void> {
  await executor.update(users).set({ status: "active", updatedAt: now }).where(eq(users.id, id));
}

/** Ends every session of the user: their JWTs carry the old version. */
export async function bumpSessionVersion(executor: Executor, id: string, now: Date): Promise<void> {
  await executor
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(eq(users.id, id));
}

export async function updateUserLocale(executor: Executor, id: string, locale: string): Promise<void> {
  await executor.update(users).set({ locale }).where(eq(users.id, id));
}

export type StatusCounts = { invited: number; active: number; locked: number; disabled: number };

/**
 * Users by status. "locked" is an active account in a timed lock or waiting for an operator
 * unlock (`maxFailures` failures since the last one); "active" counts the others.
 */
export async function countUsersByStatus(
  executor: Executor,
  options: { now: Date; maxFailures: number },
): Promise<StatusCounts> {
  const locked = sql`(${users.status} = 'active' and ${lockedAt(options.now, options.maxFailures)})`;
  const [row] = await executor
    .select({
      invited: sql<number>`count(*) filter (where ${users.status} = 'invited')::int`,
      active: sql<number>`count(*) filter (where ${users.status} = 'active' and not ${locked})::int`,
      locked: sql<number>`count(*) filter (where ${locked})::int`,
      disabled: sql<number>`count(*) filter (where ${users.status} = 'disabled')::int`,
    })
    .from(users);
  return {
    invited: Number(row?.invited ?? 0),
    active: Number(row?.active ?? 0),
    locked: Number(row?.locked ?? 0),
    disabled: Number(row?.disabled ?? 0),
  };
}

/** One batch of the users export: up to `limit` users after the id `after`, by id. Never a pattern or token. */
export async function listUsersForExport(executor: Executor, after: string | undefined, limit: number) {
  return executor
    .select({ ...profileColumns, createdAt: users.createdAt, lastSignInAt: users.lastSignInAt })
    .from(users)
    .where(after ? gt(users.id, after) : undefined)
    .orderBy(asc(users.id))
    .limit(limit);
}
