import { eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { termsVersions, users } from "../schema";

/** What every request needs to know about its signed-in user, in one round trip. */
export async function findSessionState(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      sessionVersion: users.sessionVersion,
      status: users.status,
      role: users.role,
      acceptedTermsVersion: users.acceptedTermsVersion,
      currentTermsVersion: sql<number>`(select max(${termsVersions.version}) from ${termsVersions})`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}
