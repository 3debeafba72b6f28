import { eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "../client";
import { users, type NewUser, type User } from "../schema";

export class DuplicateEmailError extends Error {
  constructor() {
    super("A user with this email address already exists");
    this.name = "DuplicateEmailError";
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === "23505";
}

export async function insertUser(executor: Executor, values: NewUser): Promise<User> {
  try {
    const [user] = await executor.insert(users).values(values).returning();
    return user!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateEmailError();
    throw error;
  }
}

export async function findUserByEmail(email: string, executor?: Executor): Promise<User | undefined> {
  const db = executor ?? (await getDb());
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return user;
}

export async function findUserById(id: string, executor?: Executor): Promise<User | undefined> {
  const db = executor ?? (await getDb());
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
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

export async function updateUserLocale(id: string, locale: string): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, id));
}
