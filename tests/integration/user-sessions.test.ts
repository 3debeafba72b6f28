import { and, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { auditEvents, userSessions } from "@/db/schema";
import { answerReauthentication, issueUserChallenge, loadPendingChallenge } from "@/lib/login";
import { expectedAnswer } from "@/lib/matrix";
import { endAllSessions, endSession, listSessions, signOutSession } from "@/lib/sessions";
import { refreshSession } from "@/lib/sessions/refresh";
import { purgeExpiredRows } from "@/lib/maintenance/purge";
import { signedInRecently } from "@/lib/reauth";
import { STRONG_PATTERN, testContext } from "../support/people";
import { claimsOf, loginContext, onboardedUser, signedInUser } from "../support/sign-in";

/**
 * Every session has a server-side row (user_sessions) checked with the user on each request:
 * signing out, ending one session from the list and "End all sessions" revoke rows, so a copied
 * cookie stops working; the 15-minute rule reads this session's own last challenge.
 */

beforeAll(() => getDb(), 60_000);
afterAll(() => closeDb());

const MINUTE = 60_000;
const CHROME_ON_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** Signs in through the real challenge at `at` and returns the claims as auth.ts builds them, plus the session row id. */
async function signIn(email: string, at = Date.now(), userAgent = CHROME_ON_LINUX) {
  const context = { ...loginContext(new Date(at)), userAgent };
  const claims = claimsOf(await signedInUser(email, STRONG_PATTERN, context), at);
  const refreshed = await refreshSession(claims, at);
  if (!refreshed) throw new Error("new session refused");
  return { claims, sessionId: refreshed.sessionId, context };
}

/** The right code for a pending re-authentication challenge. */
async function reauthCode(challengeId: string): Promise<string> {
  const challenge = await loadPendingChallenge(challengeId, new Date(), "reauthenticate");
  return expectedAnswer(challenge!.digits, STRONG_PATTERN);
}

/** Re-authenticates `userId` with the right code, crediting the session `sessionId`; whether it was accepted. */
async function reauthenticate(userId: string, sessionId: string): Promise<boolean> {
  const { challengeId } = await issueUserChallenge(userId, "reauthenticate", loginContext());
  return answerReauthentication(challengeId, await reauthCode(challengeId), { userId, sessionId }, loginContext());
}

async function sessionRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(userSessions).where(eq(userSessions.id, id));
  return row!;
}

test("sign-in opens a row with the device, address and times, storing only the key's hash", async () => {
  const { person, userId } = await onboardedUser();
  const { claims, sessionId, context } = await signIn(person.email);
  const row = await sessionRow(sessionId);
  expect(row).toMatchObject({
    userId,
    ip: context.ip,
    userAgent: CHROME_ON_LINUX,
    revokedAt: null,
    sessionVersion: claims.sessionVersion,
  });
  expect(row.createdAt).toEqual(context.now);
  expect(row.authenticatedAt).toEqual(context.now);
  expect(JSON.stringify(row)).not.toContain(claims.sessionKey);
});

test("a signed-out token is refused on the next request, while the user's other session goes on", async () => {
  const { person, userId } = await onboardedUser();
  const first = await signIn(person.email);
  const second = await signIn(person.email);
  await signOutSession({ id: userId, sessionId: first.sessionId }, testContext());
  expect(await refreshSession(first.claims, Date.now())).toBeNull();
  expect(await refreshSession(second.claims, Date.now())).not.toBeNull();
});

test("a token whose key is unknown, missing or another user's is refused", async () => {
  const { person } = await onboardedUser();
  const other = await onboardedUser();
  const { claims } = await signIn(person.email);
  const theirs = await signIn(other.person.email);
  expect(await refreshSession({ ...claims, sessionKey: "x".repeat(43) }, Date.now())).toBeNull();
  expect(await refreshSession({ ...claims, sessionKey: undefined as unknown as string }, Date.now())).toBeNull();
  expect(await refreshSession({ ...claims, sessionKey: theirs.claims.sessionKey }, Date.now())).toBeNull();
});

test("the list shows only the user's own live sessions, marks the current one, and ending one ends only that one", async () => {
  const { person, userId } = await onboardedUser();
  const stranger = await onboardedUser();
  const here = await signIn(person.email);
  const phone = await signIn(
    person.email,
    Date.now(),
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  );
  const theirs = await signIn(stranger.person.email);

  const listed = await listSessions(userId, new Date(), here.sessionId);
  expect(listed.map((s) => s.id).sort()).toEqual([here.sessionId, phone.sessionId].sort());
  expect(listed.find((s) => s.id === here.sessionId)).toMatchObject({
    current: true,
    device: { browser: "Chrome", system: "Linux" },
    ip: here.context.ip,
  });
  expect(listed.find((s) => s.id === phone.sessionId)).toMatchObject({
    current: false,
    device: { browser: "Safari", system: "iOS" },
  });

  expect(await endSession(userId, phone.sessionId, userId, testContext())).toEqual({ ok: true });
  expect(await refreshSession(phone.claims, Date.now())).toBeNull();
  expect(await refreshSession(here.claims, Date.now())).not.toBeNull();
  expect(await refreshSession(theirs.claims, Date.now())).not.toBeNull();
  expect((await listSessions(userId, new Date(), here.sessionId)).map((s) => s.id)).toEqual([here.sessionId]);
  // Ending it again, or ending junk, changes nothing.
  expect(await endSession(userId, phone.sessionId, userId, testContext())).toEqual({ ok: false, error: "not-found" });
  expect(await endSession(userId, "'; drop table users; --", userId, testContext())).toEqual({
    ok: false,
    error: "not-found",
  });
});

test("an operator cannot end a session that is not the named user's: refused, nothing changes", async () => {
  const { userId } = await onboardedUser();
  const other = await onboardedUser();
  const operator = await onboardedUser();
  const theirs = await signIn(other.person.email);
  expect(await endSession(userId, theirs.sessionId, operator.userId, testContext())).toEqual({
    ok: false,
    error: "not-found",
  });
  expect((await sessionRow(theirs.sessionId)).revokedAt).toBeNull();
  expect(await refreshSession(theirs.claims, Date.now())).not.toBeNull();
  const db = await getDb();
  const audited = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, operator.userId), eq(auditEvents.event, "session.ended")));
  expect(audited).toHaveLength(0);

  // The right pair works, and is audited with the operator as actor.
  expect(await endSession(other.userId, theirs.sessionId, operator.userId, testContext())).toEqual({ ok: true });
  const [event] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, operator.userId), eq(auditEvents.event, "session.ended")));
  expect(event).toMatchObject({
    subjectId: other.userId,
    outcome: "success",
    details: { sessionId: theirs.sessionId },
  });
});

test("'End all sessions' revokes every row of the user", async () => {
  const { person, userId } = await onboardedUser();
  const a = await signIn(person.email);
  const b = await signIn(person.email);
  await endAllSessions(userId, testContext());
  expect((await sessionRow(a.sessionId)).revokedAt).not.toBeNull();
  expect((await sessionRow(b.sessionId)).revokedAt).not.toBeNull();
  expect(await listSessions(userId, new Date(), a.sessionId)).toEqual([]);
});

test("last seen moves at most about once a minute", async () => {
  const { person } = await onboardedUser();
  const start = Date.now() - 10 * MINUTE;
  const { claims, sessionId } = await signIn(person.email, start);
  await refreshSession(claims, start + 30_000);
  expect((await sessionRow(sessionId)).lastSeenAt).toEqual(new Date(start));
  await refreshSession(claims, start + 61_000);
  expect((await sessionRow(sessionId)).lastSeenAt).toEqual(new Date(start + 61_000));
  await refreshSession(claims, start + 90_000);
  expect((await sessionRow(sessionId)).lastSeenAt).toEqual(new Date(start + 61_000));
});

describe("recent sign-in is per session", () => {
  test("a sign-in elsewhere does not freshen an older session; a re-authentication in it does", async () => {
    const { person, userId } = await onboardedUser();
    const stale = await signIn(person.email, Date.now() - 20 * MINUTE);
    const fresh = await signIn(person.email);
    const staleNow = (await refreshSession(stale.claims, Date.now()))!;
    expect(signedInRecently(staleNow, "admin")).toBe(false);
    expect(signedInRecently((await refreshSession(fresh.claims, Date.now()))!, "admin")).toBe(true);

    expect(await reauthenticate(userId, stale.sessionId)).toBe(true);
    expect(signedInRecently((await refreshSession(stale.claims, Date.now()))!, "admin")).toBe(true);
  });

  test("a re-authentication cannot be credited to another user's session", async () => {
    const { userId } = await onboardedUser();
    const other = await onboardedUser();
    const theirs = await signIn(other.person.email, Date.now() - 20 * MINUTE);
    expect(await reauthenticate(userId, theirs.sessionId)).toBe(false);
    expect((await sessionRow(theirs.sessionId)).authenticatedAt).toEqual(theirs.context.now);
  });
});

test("the periodic purge removes revoked and long-idle session rows a day old and keeps live ones", async () => {
  const { person, userId } = await onboardedUser();
  const old = await signIn(person.email, Date.now() - 3 * 24 * 60 * MINUTE);
  const revoked = await signIn(person.email);
  const live = await signIn(person.email);
  await signOutSession(
    { id: userId, sessionId: revoked.sessionId },
    testContext(new Date(Date.now() - 2 * 24 * 60 * MINUTE)),
  );
  const { userSessions: deleted } = await purgeExpiredRows(new Date());
  expect(deleted).toBeGreaterThanOrEqual(2);
  const db = await getDb();
  const left = (await db.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, userId))).map(
    (r) => r.id,
  );
  expect(left).toEqual([live.sessionId]);
  expect(left).not.toContain(old.sessionId);
});
