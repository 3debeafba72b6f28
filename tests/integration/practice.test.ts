import "../support/test-clock";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { userSessions } from "@/db/schema";
import { answerChallenge, answerPractice, beginPractice, loadPendingChallenge } from "@/lib/login";
import { expectedAnswer } from "@/lib/matrix";
import { now } from "@/lib/platform/clock";
import { userRow } from "../support/accounts";
import { loginContext, onboardedUser } from "../support/sign-in";
import { advanceClock, resetClock } from "../support/test-clock";

/** The practice grid after a new matrix password: answered like a sign-in, it signs nobody in and counts nothing. */

afterAll(() => closeDb());
afterEach(() => resetClock());

async function rightAnswer(challengeId: string, pattern: readonly number[]): Promise<string> {
  const grid = await loadPendingChallenge(challengeId, now(), "practice");
  if (!grid) throw new Error("no pending practice grid");
  return expectedAnswer(grid.digits, pattern);
}

async function sessionsOf(userId: string): Promise<number> {
  return (await (await getDb()).select().from(userSessions).where(eq(userSessions.userId, userId))).length;
}

test("the right digits are right, once; nobody is signed in", async () => {
  const { userId, pattern } = await onboardedUser();
  const challengeId = await beginPractice(userId, loginContext(now()));
  const answer = await rightAnswer(challengeId, pattern);
  expect(await answerPractice(challengeId, answer, loginContext(now()))).toEqual({ outcome: "right" });
  expect(await answerPractice(challengeId, answer, loginContext(now()))).toEqual({ outcome: "expired" });
  expect(await sessionsOf(userId)).toBe(0);
  expect((await userRow(userId)).lastSignInAt).toBeNull();
});

test("a wrong answer brings a new grid and is not counted toward the lockout", async () => {
  const { userId, pattern } = await onboardedUser();
  let challengeId = await beginPractice(userId, loginContext(now()));
  for (let i = 0; i < 6; i++) {
    const result = await answerPractice(challengeId, "0".repeat(pattern.length), loginContext(now()));
    expect(result.outcome).toBe("wrong");
    if (result.outcome !== "wrong") return;
    expect(result.next).not.toBe(challengeId);
    challengeId = result.next;
  }
  expect(await userRow(userId)).toMatchObject({ consecutiveFailures: 0, lockedUntil: null });
  const answer = await rightAnswer(challengeId, pattern);
  expect(await answerPractice(challengeId, answer, loginContext(now()))).toEqual({ outcome: "right" });
});

test("a practice grid cannot sign in, and expires after 5 minutes", async () => {
  const { userId, pattern } = await onboardedUser();
  const challengeId = await beginPractice(userId, loginContext(now()));
  expect(await loadPendingChallenge(challengeId, now())).toBeNull(); // the sign-in page cannot show it
  const answer = await rightAnswer(challengeId, pattern);
  expect(await answerChallenge(challengeId, answer, loginContext(now()))).toEqual({ ok: false });
  expect(await sessionsOf(userId)).toBe(0);
  advanceClock(5 * 60_000 + 1_000);
  expect(await answerPractice(challengeId, answer, loginContext(now()))).toEqual({ outcome: "expired" });
  expect(await answerPractice("not-a-token", answer, loginContext(now()))).toEqual({ outcome: "expired" });
});
