import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { users } from "../schema";
import { currentTermsVersion } from "./terms";

/** What every request needs to know about its signed-in user, in one round trip. */
export async function findSessionState(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      sessionVersion: users.sessionVersion,
      status: users.status,
      role: users.role,
      acceptedTermsVersion: users.acceptedTermsVersion,
      currentTermsVersion,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}
