import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { loginChallenges, users } from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import { answerChallenge, issueChallenge, loadPendingChallenge, signInSummary } from "@/lib/login";
import { RATE_LIMITS } from "@/lib/http/rate-limit";
import { registerUser } from "@/lib/onboarding";
import { auditRows } from "../support/audit";
import { newPerson, testContext } from "../support/people";
import { correctAnswer, loginContext, onboardedUser, uniqueIp, wrongAnswer } from "../support/sign-in";
import { userRow } from "../support/accounts";

// Opening the database (PGlite: start and migrate) is not part of any test's time.
beforeAll(() => getDb(), 60_000);
afterAll(() => closeDb());

async function challengeRow(challengeId: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(loginChallenges)
    .where(eq(loginChallenges.idHash, hashToken(challengeId)));
  return row;
}

async function challengeFor(email: string, now = new Date()) {
  return (await issueChallenge(email, loginContext(now))).challengeId;
}

describe("email entry", () => {
  test("binds a challenge to an active account, stores only the id's hash, lives 5 minutes", async () => {
    const { person, userId } = await onboardedUser();
    const now = new Date();
    const context = loginContext(now);
    const { challengeId } = await issueChallenge(person.email.toUpperCase(), context);
    expect(challengeId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await challengeRow(challengeId);
    expect(row).toMatchObject({ userId, ip: context.ip, consumedAt: null, purpose: "sign_in" });
    expect(row!.digits).toMatch(/^[0-9]{48}$/);
    expect(row!.expiresAt.getTime() - now.getTime()).toBe(5 * 60_000);
    const db = await getDb();
    expect(await db.select().from(loginChallenges).where(eq(loginChallenges.idHash, challengeId))).toHaveLength(0);
  });

  test("accepts the address with full-width characters and surrounding spaces", async () => {
    const { person, userId } = await onboardedUser();
    const fullWidth = person.email.replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const { challengeId } = await issueChallenge(`  ${fullWidth}　`, loginContext());
    expect((await challengeRow(challengeId))!.userId).toBe(userId);
  });

  test("unknown, invited and disabled accounts get an unbound decoy of the same shape", async () => {
    const invited = newPerson();
    const registered = await registerUser(invited, testContext());
    if (!registered.ok) throw new Error("registration failed");
    const disabled = await onboardedUser();
    const db = await getDb();
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, disabled.userId));

    for (const email of [newPerson().email, invited.email, disabled.person.email, "not an email", "x".repeat(5000)]) {
      const result = await issueChallenge(email, loginContext());
      expect(Object.keys(result)).toEqual(["challengeId"]);
      const row = await challengeRow(result.challengeId);
      expect(row).toMatchObject({ userId: null, consumedAt: null });
      expect(row!.digits).toMatch(/^[0-9]{48}$/);
      expect(await loadPendingChallenge(result.challengeId, new Date())).toMatchObject({ digits: row!.digits });
    }
  });

  test("over the per-IP limit the page still gets a challenge, but never one bound to the account", async () => {
    const { person, userId } = await onboardedUser();
    const context = loginContext();
    const ids: string[] = [];
    const bound: (string | null)[] = [];
    for (let i = 0; i < RATE_LIMITS.loginEmailPerIp.limit + 2; i++) {
      ids.push((await issueChallenge(person.email, context)).challengeId);
      bound.push((await challengeRow(ids.at(-1)!))!.userId);
    }
    expect(bound.slice(0, RATE_LIMITS.loginEmailPerIp.limit).every((u) => u === userId)).toBe(true);
    expect(bound.slice(RATE_LIMITS.loginEmailPerIp.limit)).toEqual([null, null]);
    // Beyond the limit the address keeps only its newest pending challenge (tests/integration/purge.test.ts).
    expect(await challengeRow(ids[0]!)).toBeUndefined();
    expect(await loadPendingChallenge(ids.at(-1)!, new Date())).not.toBeNull();
  });

  test("reloading shows the same pending challenge; a new entry voids the one it replaces", async () => {
    const { person } = await onboardedUser();
    const first = await challengeFor(person.email);
    const seen = await loadPendingChallenge(first, new Date());
    expect(seen).not.toBeNull();
    expect(await loadPendingChallenge(first, new Date())).toEqual(seen);
    const { challengeId: second } = await issueChallenge(person.email, loginContext(), first);
    expect(await loadPendingChallenge(first, new Date())).toBeNull();
    expect(await loadPendingChallenge(second, new Date())).not.toBeNull();
    expect(await loadPendingChallenge("not-a-challenge-id", new Date())).toBeNull();
  });
});

describe("answering the challenge", () => {
  test("the right code signs in and records the sign-in", async () => {
    const { person, userId } = await onboardedUser();
    const challengeId = await challengeFor(person.email);
    const context = loginContext();
    const result = await answerChallenge(challengeId, await correctAnswer(challengeId), context);
    expect(result).toEqual({
      ok: true,
      user: {
        id: userId,
        email: person.email,
        name: person.name,
        role: "customer",
        sessionVersion: expect.any(Number),
        sessionKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        locale: "en",
        termsAccepted: false,
        amr: ["matrix"],
        secondFactorSetupNeeded: false,
      },
    });
    const user = await userRow(userId);
    expect(user.lastSignInAt).toEqual(context.now);
    expect(user.lastSignInIp).toBe(context.ip);
    const events = await auditRows("login.succeeded", userId);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(challengeId);
  });

  test("a wrong code fails and is counted", async () => {
    const { person, userId } = await onboardedUser();
    const challengeId = await challengeFor(person.email);
    expect(await answerChallenge(challengeId, await wrongAnswer(challengeId), loginContext())).toEqual({ ok: false });
    expect(await userRow(userId)).toMatchObject({
      consecutiveFailures: 1,
      failuresSinceUnlock: 1,
      failedSinceLastSignIn: 1,
    });
  });

  test("an answered challenge cannot be answered again, even with the right code", async () => {
    const { person } = await onboardedUser();
    const challengeId = await challengeFor(person.email);
    const code = await correctAnswer(challengeId);
    expect((await answerChallenge(challengeId, code, loginContext())).ok).toBe(true);
    expect(await answerChallenge(challengeId, code, loginContext())).toEqual({ ok: false });

    const wronged = await challengeFor(person.email);
    const right = await correctAnswer(wronged);
    expect(await answerChallenge(wronged, await wrongAnswer(wronged), loginContext())).toEqual({ ok: false });
    expect(await answerChallenge(wronged, right, loginContext())).toEqual({ ok: false });
  });

  test("an expired challenge fails, and is not counted", async () => {
    const { person, userId } = await onboardedUser();
    const now = new Date();
    const challengeId = await challengeFor(person.email, now);
    const code = await correctAnswer(challengeId, undefined, now);
    const later = new Date(now.getTime() + 5 * 60_000);
    expect(await loadPendingChallenge(challengeId, later)).toBeNull();
    expect(await answerChallenge(challengeId, code, loginContext(later))).toEqual({ ok: false });
    expect(await userRow(userId)).toMatchObject({ consecutiveFailures: 0, lastSignInAt: null });
  });

  test("decoys, unknown and malformed challenge ids fail with the same result", async () => {
    const decoy = await challengeFor(newPerson().email);
    const results = [
      await answerChallenge(decoy, await correctAnswer(decoy), loginContext()),
      await answerChallenge("A".repeat(43), "12345678", loginContext()),
      await answerChallenge("", "12345678", loginContext()),
      await answerChallenge("x".repeat(10_000), "12345678", loginContext()),
    ];
    for (const result of results) expect(result).toEqual({ ok: false });
  });

  test("full-width digits and spaces are accepted", async () => {
    const { person } = await onboardedUser();
    const challengeId = await challengeFor(person.email);
    const code = await correctAnswer(challengeId);
    const fullWidth = code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const spaced = `${fullWidth.slice(0, 4)}　${fullWidth.slice(4)} `;
    expect((await answerChallenge(challengeId, spaced, loginContext())).ok).toBe(true);
  });

  test.each([
    ["letters", "abcdefgh"],
    ["a 1,000-character string", "1".repeat(1000)],
    ["an empty string", ""],
    ["digits with symbols", "1234-5678"],
    ["not a string", 12345678 as unknown as string],
  ])("%s fails without a crash", async (_label, answer) => {
    const { person } = await onboardedUser();
    const challengeId = await challengeFor(person.email);
    expect(await answerChallenge(challengeId, answer, loginContext())).toEqual({ ok: false });
  });

  test("a disabled account fails even with the right code, and is not counted", async () => {
    const { person, userId } = await onboardedUser();
    const challengeId = await challengeFor(person.email);
    const db = await getDb();
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, userId));
    expect(await answerChallenge(challengeId, await correctAnswer(challengeId), loginContext())).toEqual({ ok: false });
    expect(await userRow(userId)).toMatchObject({ consecutiveFailures: 0, lastSignInAt: null });
  });

  test("of 20 concurrent answers to one challenge at most one succeeds", async () => {
    const { person } = await onboardedUser();
    const challengeId = await challengeFor(person.email);
    const code = await correctAnswer(challengeId);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => answerChallenge(challengeId, code, loginContext())),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  test("a success resets the consecutive counter and the count towards the lasting lock", async () => {
    const { person, userId } = await onboardedUser();
    for (let i = 0; i < 3; i++) {
      const challengeId = await challengeFor(person.email);
      expect((await answerChallenge(challengeId, await wrongAnswer(challengeId), loginContext())).ok).toBe(false);
    }
    expect(await userRow(userId)).toMatchObject({ consecutiveFailures: 3, failuresSinceUnlock: 3 });
    const challengeId = await challengeFor(person.email);
    expect((await answerChallenge(challengeId, await correctAnswer(challengeId), loginContext())).ok).toBe(true);
    expect(await userRow(userId)).toMatchObject({
      consecutiveFailures: 0,
      lockCount: 0,
      failuresSinceUnlock: 0,
      failedSinceLastSignIn: 0,
    });
  });

  test("over the per-IP answer limit even the right code fails and nothing is counted", async () => {
    const { person, userId } = await onboardedUser();
    const ip = uniqueIp();
    for (let i = 0; i < RATE_LIMITS.loginAnswerPerIp.limit; i++) {
      await answerChallenge("B".repeat(43), "1234", loginContext(new Date(), ip));
    }
    const challengeId = await challengeFor(person.email);
    expect(await answerChallenge(challengeId, await correctAnswer(challengeId), loginContext(new Date(), ip))).toEqual({
      ok: false,
    });
    expect(await userRow(userId)).toMatchObject({ consecutiveFailures: 0, lastSignInAt: null });
  });
});

describe("sign-in activity", () => {
  test("shows the sign-in before the current one and the failed attempts since", async () => {
    const { person, userId } = await onboardedUser();
    const start = Date.now();
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    const attempt = async (minutes: number, right: boolean, ip = uniqueIp()) => {
      const { challengeId } = await issueChallenge(person.email, loginContext(at(minutes)));
      const code = right
        ? await correctAnswer(challengeId, undefined, at(minutes))
        : await wrongAnswer(challengeId, undefined, at(minutes));
      return answerChallenge(challengeId, code, loginContext(at(minutes), ip));
    };
    expect((await signInSummary(userId)).previousSignIn).toBeNull();
    await attempt(1, false);
    expect((await attempt(2, true, "198.51.100.7")).ok).toBe(true);
    expect(await signInSummary(userId)).toMatchObject({ previousSignIn: null, failedSincePrevious: 1 });

    await attempt(3, false);
    await attempt(4, false);
    expect((await attempt(5, true, "198.51.100.8")).ok).toBe(true);
    const summary = await signInSummary(userId);
    expect(summary.previousSignIn).toEqual({ at: at(2), ip: "198.51.100.7" });
    expect(summary.failedSincePrevious).toBe(2);
    expect(summary.recentEvents.slice(0, 4).map((e) => [e.event, e.outcome])).toEqual([
      ["login.succeeded", "success"],
      ["login.failed", "failure"],
      ["login.failed", "failure"],
      ["login.succeeded", "success"],
    ]);
    expect(summary.recentEvents[0]).toEqual({
      event: "login.succeeded",
      outcome: "success",
      occurredAt: at(5),
      ip: "198.51.100.8",
    });
    expect(summary.recentEvents.length).toBeLessThanOrEqual(10);
  });
});
