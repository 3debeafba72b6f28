import { and, desc, eq, gt, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "../client";
import { users, userSessions } from "../schema";

export type NewUserSession = {
  keyHash: string;
  userId: string;
  sessionVersion: number;
  ip: string | null;
  userAgent: string | null;
  now: Date;
};

/** Opens the row of a session just signed in; its sign-in is its first authentication. */
export async function insertUserSession(executor: Executor, session: NewUserSession): Promise<void> {
  const { now, ...values } = session;
  await executor.insert(userSessions).values({
    ...values,
    userAgent: values.userAgent?.slice(0, 512) ?? null,
    createdAt: now,
    lastSeenAt: now,
    authenticatedAt: now,
  });
}

/** Moves last seen to `now` unless it moved within `throttleMs` (the WHERE makes concurrent requests write once). */
export async function touchUserSession(executor: Executor, id: string, now: Date, throttleMs: number): Promise<void> {
  await executor
    .update(userSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(userSessions.id, id), lt(userSessions.lastSeenAt, new Date(now.getTime() - throttleMs))));
}

/** Records a challenge answered in this session (re-authentication). False when the session is not the user's live one. */
export async function markSessionAuthenticated(
  executor: Executor,
  id: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await executor
    .update(userSessions)
    .set({ authenticatedAt: now, lastSeenAt: now })
    .where(and(eq(userSessions.id, id), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length === 1;
}

/** Revokes one live session of the user; false (nothing changed) when it is not theirs or already ended. */
export async function revokeUserSession(executor: Executor, id: string, userId: string, now: Date): Promise<boolean> {
  const rows = await executor
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.id, id), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length === 1;
}

/** Revokes every live session of the user (sign out everywhere, disable, pattern change). */
export async function revokeAllUserSessions(executor: Executor, userId: string, now: Date): Promise<void> {
  await executor
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

/**
 * The user's live sessions, most recently active first: not revoked, issued under the user's
 * current session version, last seen after `activeAfter` and created after `createdAfter`.
 */
export async function listLiveSessions(
  executor: Executor,
  userId: string,
  limits: { activeAfter: Date; createdAfter: Date },
) {
  return executor
    .select({
      id: userSessions.id,
      ip: userSessions.ip,
      userAgent: userSessions.userAgent,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .innerJoin(users, and(eq(users.id, userSessions.userId), eq(users.sessionVersion, userSessions.sessionVersion)))
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.lastSeenAt, limits.activeAfter),
        gt(userSessions.createdAt, limits.createdAfter),
      ),
    )
    .orderBy(desc(userSessions.lastSeenAt), desc(userSessions.id))
    .limit(50);
}

/**
 * For the periodic purge: deletes the rows of sessions revoked before `before`, or last seen
 * before it. A session idle that long has ended, so `before` must lie at least the idle limit
 * (30 minutes) in the past. Returns how many rows went.
 */
export async function deleteEndedSessions(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(userSessions)
    .where(
      or(
        and(isNotNull(userSessions.revokedAt), lt(userSessions.revokedAt, before)),
        lt(userSessions.lastSeenAt, before),
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}
