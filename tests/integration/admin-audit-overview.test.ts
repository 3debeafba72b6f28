import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { countEventsPerPeriod } from "@/db/queries/audit";
import { countUsersByStatus } from "@/db/queries/users";
import { users } from "@/db/schema";
import { getAdminOverview } from "@/lib/admin";
import { startOfDay } from "@/lib/i18n/time-zone";
import { recordAuditMany } from "@/lib/audit";
import { MAX_FAILURES_BEFORE_OPERATOR } from "@/lib/login/policy";
import { registerUser } from "@/lib/onboarding";
import { newPerson, testContext } from "../support/people";

jest.mock("@/lib/mail/schedule", () => ({ scheduleMailDispatch: jest.fn(async () => {}) }));

// Opening PGlite and migrating takes a while on a busy machine: not part of any test.
beforeAll(() => getDb());
afterAll(() => closeDb());

async function registered() {
  const result = await registerUser(newPerson(), testContext());
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.userId;
}

test("users by status: locked accounts are counted apart from active ones", async () => {
  const db = await getDb();
  const now = new Date();
  const policy = { now, maxFailures: MAX_FAILURES_BEFORE_OPERATOR };
  const before = await countUsersByStatus(db, policy);
  await registered(); // stays invited
  const [active, timedLock, operatorLock, disabled] = [
    await registered(),
    await registered(),
    await registered(),
    await registered(),
  ];
  await db.update(users).set({ status: "active" }).where(eq(users.id, active));
  await db
    .update(users)
    .set({ status: "active", lockedUntil: new Date(now.getTime() + 60_000) })
    .where(eq(users.id, timedLock));
  await db
    .update(users)
    .set({ status: "active", failuresSinceUnlock: MAX_FAILURES_BEFORE_OPERATOR })
    .where(eq(users.id, operatorLock));
  await db.update(users).set({ status: "disabled" }).where(eq(users.id, disabled));
  const after = await countUsersByStatus(db, policy);
  // Other suites may share a PostgreSQL database: compare differences, at least ours.
  expect(after.invited - before.invited).toBeGreaterThanOrEqual(1);
  expect(after.active - before.active).toBeGreaterThanOrEqual(1);
  expect(after.locked - before.locked).toBeGreaterThanOrEqual(2);
  expect(after.disabled - before.disabled).toBeGreaterThanOrEqual(1);
});

test("sign-ins and failures per day, by the operator's calendar days", async () => {
  const db = await getDb();
  const subject = await registered();
  const at = (iso: string) => testContext(new Date(iso));
  // Tokyo days: 2002-05-01 starts at 2002-04-30T15:00Z.
  await recordAuditMany([{ event: "login.succeeded", subjectId: subject }], at("2002-04-30T15:00:00Z"));
  await recordAuditMany(
    [
      { event: "login.succeeded", subjectId: subject },
      { event: "login.failed", subjectId: subject },
    ],
    at("2002-05-01T14:59:59Z"),
  );
  await recordAuditMany([{ event: "login.failed", subjectId: subject }], at("2002-05-02T15:00:00Z"));
  await recordAuditMany([{ event: "login.failed", subjectId: subject }], at("2002-04-30T14:59:59Z"));
  const days = ["2002-05-01", "2002-05-02", "2002-05-03", "2002-05-04"].map((d) => startOfDay(d, "Asia/Tokyo"));
  const counts = await countEventsPerPeriod(db, ["login.succeeded", "login.failed"], days);
  expect(counts).toEqual({ "login.succeeded": [2, 0, 0], "login.failed": [1, 0, 1] });
});

test("the overview has 14 days ending today and the outbox counts", async () => {
  const overview = await getAdminOverview(new Date("2002-05-14T03:00:00Z"), "Asia/Tokyo");
  expect(overview.signIns).toHaveLength(14);
  expect(overview.signIns[0]!.day).toBe("2002-05-01");
  expect(overview.signIns[13]!.day).toBe("2002-05-14");
  expect(overview.signIns[0]!.succeeded).toBeGreaterThanOrEqual(2);
  expect(overview.outbox.pending).toBeGreaterThanOrEqual(5);
});
