import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { users, userSessions } from "../schema";
import { hasSecondFactorSql } from "./second-factor/methods";
import { currentTermsVersion } from "./terms";

/**
 * What every request needs to know about its signed-in user and its own session row, in one
 * round trip. `sessionId` is null when the row is unknown, another user's, or revoked.
 */
export async function findSessionState(executor: Executor, userId: string, sessionKeyHash: string) {
  const [row] = await executor
    .select({
      sessionVersion: users.sessionVersion,
      status: users.status,
      role: users.role,
      acceptedTermsVersion: users.acceptedTermsVersion,
      currentTermsVersion,
      secondFactorRequirement: users.secondFactorRequirement,
      hasSecondFactor: hasSecondFactorSql(users.id),
      sessionId: userSessions.id,
      sessionLastSeenAt: userSessions.lastSeenAt,
      authenticatedAt: userSessions.authenticatedAt,
    })
    .from(users)
    .leftJoin(
      userSessions,
      and(eq(userSessions.userId, users.id), eq(userSessions.keyHash, sessionKeyHash), isNull(userSessions.revokedAt)),
    )
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}
