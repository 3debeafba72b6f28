import { and, count, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { recordFailure } from "@/db/queries/lockout";
import { emailOutbox, users } from "@/db/schema";
import {
  answerChallenge,
  FIRST_LOCK_MINUTES,
  issueChallenge,
  LOCK_THRESHOLD,
  MAX_FAILURES_BEFORE_OPERATOR,
  MAX_LOCK_MINUTES,
  unlockAccount,
} from "@/lib/login";
import { LOCK_POLICY } from "@/lib/login/policy";
import { correctAnswer, loginContext, onboardedUser, wrongAnswer } from "../support/sign-in";
import { signInAttempt, userRow } from "../support/accounts";
import { auditCount, auditRows } from "../support/audit";

jest.setTimeout(60_000);
beforeAll(() => getDb(), 60_000);
afterAll(() => closeDb());

const MINUTE = 60_000;

async function failTimes(email: string, times: number, now: Date) {
  for (let i = 0; i < times; i++) expect(await signInAttempt(email, false, now)).toEqual({ ok: false });
}

async function lockEmails(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, "account-locked")));
  return Number(row!.n);
}

test("the policy constants are the documented ones", () => {
  expect([LOCK_THRESHOLD, FIRST_LOCK_MINUTES, MAX_LOCK_MINUTES, MAX_FAILURES_BEFORE_OPERATOR]).toEqual([5, 1, 15, 100]);
});

test("five failures lock for one minute; the right code fails while locked and works after", async () => {
  const { person, userId } = await onboardedUser();
  const now = new Date();
  await failTimes(person.email, 4, now);
  expect(await userRow(userId)).toMatchObject({ consecutiveFailures: 4, lockedUntil: null, lockCount: 0 });
  await failTimes(person.email, 1, now);
  expect(await userRow(userId)).toMatchObject({
    consecutiveFailures: 5,
    lockCount: 1,
    lockedUntil: new Date(now.getTime() + MINUTE),
  });
  expect(await auditCount("login.locked", userId)).toBe(1);
  expect(await lockEmails(person.email)).toBe(1);

  // Locked: the right code fails exactly like a wrong one, and nothing is counted.
  const during = new Date(now.getTime() + 59_000);
  expect(await signInAttempt(person.email, true, during)).toEqual({ ok: false });
  expect(await signInAttempt(person.email, false, during)).toEqual({ ok: false });
  expect(await userRow(userId)).toMatchObject({ consecutiveFailures: 5, failuresSinceUnlock: 5, lockCount: 1 });

  const after = new Date(now.getTime() + MINUTE);
  expect((await signInAttempt(person.email, true, after)).ok).toBe(true);
  expect(await userRow(userId)).toMatchObject({ consecutiveFailures: 0, lockCount: 0, lockedUntil: null });
});

test("a challenge issued while locked works once the lock has ended", async () => {
  const { person } = await onboardedUser();
  const now = new Date();
  await failTimes(person.email, 5, now);
  const { challengeId } = await issueChallenge(person.email, loginContext(now));
  const code = await correctAnswer(challengeId, undefined, now);
  expect((await answerChallenge(challengeId, code, loginContext(new Date(now.getTime() + MINUTE + 1000)))).ok).toBe(
    true,
  );
});

test("each further lock doubles, up to 15 minutes; a success starts the ladder again", async () => {
  const { person, userId } = await onboardedUser();
  let now = new Date();
  for (const minutes of [1, 2, 4, 8, 15, 15]) {
    await failTimes(person.email, 5, now);
    const user = await userRow(userId);
    expect(user.lockedUntil!.getTime() - now.getTime()).toBe(minutes * MINUTE);
    now = user.lockedUntil!;
  }
  expect(await auditCount("login.locked", userId)).toBe(6);
  expect(await lockEmails(person.email)).toBe(6);
  expect((await signInAttempt(person.email, true, now)).ok).toBe(true);
  await failTimes(person.email, 5, now);
  expect((await userRow(userId)).lockedUntil!.getTime() - now.getTime()).toBe(MINUTE);
});

test("20 concurrent wrong answers, each to its own challenge, count exactly up to the lock", async () => {
  const { person, userId } = await onboardedUser();
  const now = new Date();
  const challenges = await Promise.all(
    Array.from({ length: 20 }, () => issueChallenge(person.email, loginContext(now))),
  );
  const answers = await Promise.all(challenges.map(({ challengeId }) => wrongAnswer(challengeId, undefined, now)));
  const results = await Promise.all(
    challenges.map(({ challengeId }, i) => answerChallenge(challengeId, answers[i]!, loginContext(now))),
  );
  expect(results.every((r) => !r.ok)).toBe(true);
  expect(await userRow(userId)).toMatchObject({
    consecutiveFailures: LOCK_THRESHOLD,
    failuresSinceUnlock: LOCK_THRESHOLD,
    failedSinceLastSignIn: LOCK_THRESHOLD,
    lockCount: 1,
    lockedUntil: new Date(now.getTime() + MINUTE),
  });
  expect(await auditCount("login.failed", userId)).toBe(20);
  expect(await auditCount("login.locked", userId)).toBe(1);
  expect(await lockEmails(person.email)).toBe(1);
});

test("after 100 failures only an operator unlock lets the user in again", async () => {
  const { person, userId } = await onboardedUser();
  const db = await getDb();
  const start = Date.now();
  let now = new Date(start);
  const counted = [];
  // Straight to the counters, moving the clock past each timed lock.
  for (let i = 0; i < MAX_FAILURES_BEFORE_OPERATOR + 3; i++) {
    counted.push(await recordFailure(db, userId, { now, policy: LOCK_POLICY }));
    now = new Date(now.getTime() + MAX_LOCK_MINUTES * MINUTE);
  }
  expect(counted.filter(Boolean)).toHaveLength(MAX_FAILURES_BEFORE_OPERATOR);
  const last = counted[MAX_FAILURES_BEFORE_OPERATOR - 1]!;
  expect(last).toMatchObject({ failuresSinceUnlock: 100, lockedNow: true, needsOperator: true });
  expect(counted.slice(0, MAX_FAILURES_BEFORE_OPERATOR - 1).some((c) => c?.needsOperator)).toBe(false);

  // A day later the right code still fails.
  const dayLater = new Date(now.getTime() + 24 * 60 * MINUTE);
  expect(await signInAttempt(person.email, true, dayLater)).toEqual({ ok: false });
  expect(await userRow(userId)).toMatchObject({ failuresSinceUnlock: 100 });

  expect(await unlockAccount(userId, loginContext(dayLater), null)).toBe(true);
  expect(await userRow(userId)).toMatchObject({
    consecutiveFailures: 0,
    failuresSinceUnlock: 0,
    lockCount: 0,
    lockedUntil: null,
  });
  expect(await auditCount("login.unlocked", userId)).toBe(1);
  expect((await signInAttempt(person.email, true, dayLater)).ok).toBe(true);
  expect(await unlockAccount("not-a-uuid")).toBe(false);
});

test("the hundredth failure through real answers locks for an operator and sends one email", async () => {
  const { person, userId } = await onboardedUser();
  const db = await getDb();
  await db
    .update(users)
    .set({ failuresSinceUnlock: MAX_FAILURES_BEFORE_OPERATOR - 2 })
    .where(eq(users.id, userId));
  const now = new Date();
  await failTimes(person.email, 2, now);
  expect(await userRow(userId)).toMatchObject({ failuresSinceUnlock: 100, consecutiveFailures: 2, lockedUntil: null });
  expect(await auditCount("login.locked", userId)).toBe(1);
  expect(await lockEmails(person.email)).toBe(1);
  const [locked] = await auditRows("login.locked", userId);
  expect(locked!.details).toMatchObject({ until: null, needsOperator: true });
  expect(await signInAttempt(person.email, true, new Date(now.getTime() + 60 * MINUTE))).toEqual({ ok: false });
  expect(await userRow(userId)).toMatchObject({ failuresSinceUnlock: 100 });
});
