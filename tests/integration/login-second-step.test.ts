import "../support/test-clock";
import { closeDb } from "@/db/client";
import { answerChallenge, answerSecondFactor, issueChallenge, LOCK_THRESHOLD } from "@/lib/login";
import { now } from "@/lib/platform/clock";
import { userRow } from "../support/accounts";
import { auditCount } from "../support/audit";
import { totpCode, userWithAuthenticatorApp } from "../support/second-factor";
import { correctAnswer, loginContext, onboardedUser, wrongAnswer } from "../support/sign-in";
import { advanceClock, resetClock } from "../support/test-clock";

afterAll(() => closeDb());
afterEach(() => resetClock());

/** Answers the matrix of `email` correctly: the pending sign-in's token (the browser's cookie), or the signed-in result. */
async function passMatrix(email: string, context = loginContext(now())) {
  const { challengeId } = await issueChallenge(email, context);
  return answerChallenge(challengeId, await correctAnswer(challengeId, undefined, context.now), context);
}

async function pendingToken(email: string): Promise<string> {
  const result = await passMatrix(email);
  if (result.ok || !result.secondFactor) throw new Error("expected a second step");
  return result.secondFactor.token;
}

test("a user without a second factor is signed in by the matrix alone, amr [matrix]", async () => {
  const { person } = await onboardedUser();
  const result = await passMatrix(person.email);
  expect(result).toMatchObject({ ok: true, user: { email: person.email, amr: ["matrix"] } });
});

test("a user with an app is not signed in by the matrix; the app's code completes it once, amr [matrix, totp]", async () => {
  const { userId, person, secret } = await userWithAuthenticatorApp(now());
  advanceClock(30_000); // the setup used this step's code
  const first = await passMatrix(person.email);
  expect(first).toEqual({ ok: false, secondFactor: { token: expect.any(String), expiresAt: expect.any(Date) } });
  const token = (first as { secondFactor: { token: string } }).secondFactor.token;
  expect(await auditCount("login.succeeded", userId)).toBe(0);

  const code = totpCode(secret, now());
  const signedIn = await answerSecondFactor(token, { method: "totp", code }, loginContext(now()));
  expect(signedIn).toMatchObject({ ok: true, user: { id: userId, amr: ["matrix", "totp"] } });
  expect(await auditCount("login.succeeded", userId)).toBe(1);
  // The pending state is used up, and the same code does not open a new one (replayed TOTP).
  expect(await answerSecondFactor(token, { method: "totp", code }, loginContext(now()))).toEqual({
    ok: false,
    restart: true,
  });
  const again = await pendingToken(person.email);
  expect(await answerSecondFactor(again, { method: "totp", code }, loginContext(now()))).toEqual({
    ok: false,
    restart: false,
  });
  expect((await userRow(userId)).consecutiveFailures).toBe(1);
});

test("a recovery code signs in once, amr [matrix, recovery-code]; the same code is refused after", async () => {
  const { userId, person, recoveryCodes } = await userWithAuthenticatorApp(now());
  const code = recoveryCodes[3]!.toUpperCase();
  const token = await pendingToken(person.email);
  const result = await answerSecondFactor(token, { method: "recovery-code", code }, loginContext(now()));
  expect(result).toMatchObject({ ok: true, user: { id: userId, amr: ["matrix", "recovery-code"] } });
  const next = await pendingToken(person.email);
  expect(await answerSecondFactor(next, { method: "recovery-code", code }, loginContext(now()))).toEqual({
    ok: false,
    restart: false,
  });
});

test("wrong second-step codes count toward the matrix lockout; the lock ends the pending sign-in", async () => {
  const { userId, person } = await userWithAuthenticatorApp(now());
  const token = await pendingToken(person.email);
  for (let i = 0; i < LOCK_THRESHOLD; i++)
    expect(await answerSecondFactor(token, { method: "totp", code: "000000" }, loginContext(now()))).toEqual({
      ok: false,
      restart: false,
    });
  const row = await userRow(userId);
  expect(row.lockedUntil!.getTime()).toBeGreaterThan(now().getTime());
  // Locked: even a right code is refused, and the pending sign-in is gone for good.
  expect(await answerSecondFactor(token, { method: "totp", code: "123456" }, loginContext(now()))).toEqual({
    ok: false,
    restart: true,
  });
  advanceClock(20 * 60_000);
  expect(await answerSecondFactor(token, { method: "totp", code: "123456" }, loginContext(now()))).toEqual({
    ok: false,
    restart: true,
  });
});

test("passing the matrix again does not reset the failures of the second step", async () => {
  const { userId, person } = await userWithAuthenticatorApp(now());
  for (let round = 0; round < 2; round++) {
    const token = await pendingToken(person.email);
    await answerSecondFactor(token, { method: "totp", code: "000000" }, loginContext(now()));
    await answerSecondFactor(token, { method: "totp", code: "000001" }, loginContext(now()));
  }
  expect((await userRow(userId)).consecutiveFailures).toBe(4);
});

test("a wrong matrix answer never opens the second step", async () => {
  const { person } = await userWithAuthenticatorApp(now());
  const context = loginContext(now());
  const { challengeId } = await issueChallenge(person.email, context);
  expect(await answerChallenge(challengeId, await wrongAnswer(challengeId), context)).toEqual({ ok: false });
});

test("the matrix-passed state expires after 5 minutes and is then refused", async () => {
  const { secret, person } = await userWithAuthenticatorApp(now());
  const token = await pendingToken(person.email);
  advanceClock(5 * 60_000 + 1000);
  const code = totpCode(secret, now());
  expect(await answerSecondFactor(token, { method: "totp", code }, loginContext(now()))).toEqual({
    ok: false,
    restart: true,
  });
});

test("of 10 concurrent right answers (each recovery code once) to one pending sign-in exactly one signs in", async () => {
  const { person, recoveryCodes } = await userWithAuthenticatorApp(now());
  const token = await pendingToken(person.email);
  const results = await Promise.all(
    recoveryCodes.map((code) => answerSecondFactor(token, { method: "recovery-code", code }, loginContext(now()))),
  );
  expect(results.filter((result) => result.ok)).toHaveLength(1);
});

test("malformed tokens are refused without touching any account; malformed codes are counted wrong codes", async () => {
  const { userId, person, secret } = await userWithAuthenticatorApp(now());
  for (const token of [null, "", "x", "A".repeat(43), "A".repeat(10_000)])
    expect(await answerSecondFactor(token, { method: "totp", code: "123456" }, loginContext(now()))).toEqual({
      ok: false,
      restart: true,
    });
  expect((await userRow(userId)).consecutiveFailures).toBe(0);

  const token = await pendingToken(person.email);
  for (const code of ["", "12345", "1".repeat(10_000), "\u0000\u202e"])
    expect(await answerSecondFactor(token, { method: "recovery-code", code }, loginContext(now()))).toEqual({
      ok: false,
      restart: false,
    });
  expect((await userRow(userId)).consecutiveFailures).toBe(4);
  // Still waiting: the right code (full-width digits are accepted too) completes it.
  const code = totpCode(secret, now(), 1).replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
  expect(await answerSecondFactor(token, { method: "totp", code }, loginContext(now()))).toMatchObject({ ok: true });
});
