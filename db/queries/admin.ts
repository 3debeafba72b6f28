import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { matrixCredentials, users, type UserStatus } from "../schema";

/**
 * The user whose status an operator is about to change, locked until the transaction ends so
 * two operators (or a confirm racing a disable) cannot interleave.
 */
export async function lockUserForStatusChange(executor: Executor, userId: string) {
  const [row] = await executor
    .select({
      id: users.id,
      status: users.status,
      role: users.role,
      hasCredential: sql<boolean>`exists (select 1 from ${matrixCredentials} where ${matrixCredentials.userId} = ${users.id})`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update")
    .limit(1);
  return row;
}

/** Sets the status and bumps the session version, ending every session of the user at once. */
export async function setStatusAndEndSessions(executor: Executor, userId: string, status: UserStatus, now: Date) {
  const [row] = await executor
    .update(users)
    .set({ status, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(eq(users.id, userId))
    .returning({ status: users.status, sessionVersion: users.sessionVersion });
  return row!;
}
