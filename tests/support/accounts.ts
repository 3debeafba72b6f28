import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { matrixCredentials, users } from "@/db/schema";
import { answerChallenge, issueChallenge } from "@/lib/login";
import { correctAnswer, loginContext, wrongAnswer } from "./sign-in";

/** The user's row as the database holds it now. */
export async function userRow(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row!;
}

/** The user's stored matrix password row, if they have one. */
export async function credentialRow(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(matrixCredentials).where(eq(matrixCredentials.userId, userId));
  return row;
}

/** The users rows with these email addresses, compared without regard to case. */
export async function usersWithEmails(emails: string[]) {
  const db = await getDb();
  const lowered = emails.map((e) => e.toLowerCase());
  return db
    .select()
    .from(users)
    .where(inArray(sql`lower(${users.email})`, lowered));
}

/** One sign-in attempt at `now`: a fresh email entry and its answer, each from a fresh address. */
export async function signInAttempt(email: string, right: boolean, now: Date) {
  const { challengeId } = await issueChallenge(email, loginContext(now));
  const code = right
    ? await correctAnswer(challengeId, undefined, now)
    : await wrongAnswer(challengeId, undefined, now);
  return answerChallenge(challengeId, code, loginContext(now));
}
