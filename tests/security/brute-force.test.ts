import { and, asc, eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import {
  answerChallenge,
  issueChallenge,
  LOCK_THRESHOLD,
  MAX_FAILURES_BEFORE_OPERATOR,
  unlockAccount,
} from "@/lib/login";
import { correctAnswer, loginContext, onboardedUser, wrongAnswer } from "../support/sign-in";
import { reportFigure } from "./support/report";

jest.setTimeout(240_000);
afterAll(() => closeDb());

const ATTEMPTS = 1_000;
/** The attacker's pace: one guess every 30 s, from a new address each time. */
const PACE_MS = 30_000;

/** Wrong answers whose code was actually compared, and the locks they caused, in order. */
async function failureLedger(userId: string) {
  const db = await getDb();
  const rows = await db
    .select({
      event: auditEvents.event,
      reason: sql<string>`${auditEvents.details}->>'reason'`,
      until: sql<string | null>`${auditEvents.details}->>'until'`,
      at: auditEvents.occurredAt,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, userId), sql`${auditEvents.event} in ('login.failed', 'login.locked')`))
    .orderBy(asc(auditEvents.id));
  return rows;
}

test(`${ATTEMPTS} wrong answers from ${ATTEMPTS} addresses: 5 per lock, growing waits, at most 100 checked, then only an operator helps`, async () => {
  const { person, userId } = await onboardedUser();
  const start = Date.now();
  for (let i = 0; i < ATTEMPTS; i++) {
    const now = new Date(start + i * PACE_MS);
    const { challengeId } = await issueChallenge(person.email, loginContext(now));
    const result = await answerChallenge(
      challengeId,
      await wrongAnswer(challengeId, undefined, now),
      loginContext(now),
    );
    expect(result).toEqual({ ok: false });
  }

  const ledger = await failureLedger(userId);
  const checked = ledger.filter((row) => row.event === "login.failed" && row.reason === "wrong-code").length;
  const refusedUnchecked = ledger.filter((row) => row.event === "login.failed" && row.reason === "locked").length;
  const locks = ledger.filter((row) => row.event === "login.locked");
  const waits = locks.map((lock) =>
    lock.until ? Math.round((Date.parse(lock.until) - lock.at.getTime()) / 60_000) : "operator",
  );
  reportFigure(
    `brute force: ${checked}/${ATTEMPTS} wrong answers checked, ${refusedUnchecked} refused unchecked while locked`,
  );
  reportFigure(`brute force: lock waits in minutes ${waits.join(", ")}`);

  expect(checked).toBe(MAX_FAILURES_BEFORE_OPERATOR);
  expect(refusedUnchecked).toBe(ATTEMPTS - MAX_FAILURES_BEFORE_OPERATOR);
  expect(locks).toHaveLength(MAX_FAILURES_BEFORE_OPERATOR / LOCK_THRESHOLD);
  // Each lock follows exactly five checked answers.
  let sinceLock = 0;
  for (const row of ledger) {
    if (row.event === "login.locked") {
      expect(sinceLock).toBe(LOCK_THRESHOLD);
      sinceLock = 0;
    } else if (row.reason === "wrong-code") sinceLock += 1;
  }
  expect(waits).toEqual([1, 2, 4, 8, ...Array(15).fill(15), "operator"]);

  // Still locked: even the right answer fails, long after the last timed lock would have ended.
  const later = new Date(start + ATTEMPTS * PACE_MS + 24 * 3_600_000);
  const { challengeId } = await issueChallenge(person.email, loginContext(later));
  expect(
    await answerChallenge(challengeId, await correctAnswer(challengeId, undefined, later), loginContext(later)),
  ).toEqual({ ok: false });

  // An operator unlock restores sign-in with the right answer.
  expect(await unlockAccount(userId, loginContext(later))).toBe(true);
  const again = await issueChallenge(person.email, loginContext(later));
  expect(
    (
      await answerChallenge(
        again.challengeId,
        await correctAnswer(again.challengeId, undefined, later),
        loginContext(later),
      )
    ).ok,
  ).toBe(true);
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  expect(row).toMatchObject({ failuresSinceUnlock: 0, consecutiveFailures: 0 });
});
