import "../support/test-clock";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { pendingSignIns, users } from "@/db/schema";
import { findSessionState } from "@/db/queries/sessions";
import { hashToken } from "@/lib/crypto";
import {
  beginSecondFactor,
  completeSecondFactor,
  methodsOf,
  pendingSecondFactor,
  resetSecondFactors,
  secondFactorOverview,
  secondFactorStatus,
  setSecondFactorRequirement,
  verifyTotp,
} from "@/lib/second-factor";
import { now } from "@/lib/platform/clock";
import { auditRows } from "../support/audit";
import { testContext } from "../support/people";
import {
  authenticatorAppRow,
  emailSubjects,
  recoveryCodeRows,
  signedInWithApp,
  totpCode,
  userWithAuthenticatorApp,
} from "../support/second-factor";
import { onboardedUser } from "../support/sign-in";
import { advanceClock, resetClock } from "../support/test-clock";

afterAll(() => closeDb());
afterEach(() => resetClock());

describe("the pending sign-in between the matrix and the second factor", () => {
  test("only the token's hash is stored; it reads without change and completes once", async () => {
    const { userId } = await onboardedUser();
    const { token, expiresAt } = await beginSecondFactor(userId, testContext(now()));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await (await getDb()).select().from(pendingSignIns).where(eq(pendingSignIns.userId, userId));
    expect(row).toMatchObject({ tokenHash: hashToken(token), consumedAt: null, userAgent: "jest" });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(expiresAt.getTime() - row!.createdAt.getTime()).toBe(5 * 60_000);

    expect(await pendingSecondFactor(token)).toEqual({ userId, expiresAt });
    expect(await pendingSecondFactor(token)).toEqual({ userId, expiresAt });
    expect(await completeSecondFactor(token)).toBe(userId);
    expect(await completeSecondFactor(token)).toBeNull();
    expect(await pendingSecondFactor(token)).toBeNull();
    expect(await pendingSecondFactor("junk")).toBeNull();
    expect(await completeSecondFactor(undefined)).toBeNull();
  });

  test("it expires after 5 minutes (test clock)", async () => {
    const { userId } = await onboardedUser();
    const { token } = await beginSecondFactor(userId, testContext(now()));
    advanceClock(4 * 60_000 + 59_000);
    expect(await pendingSecondFactor(token)).toMatchObject({ userId });
    advanceClock(2_000);
    expect(await pendingSecondFactor(token)).toBeNull();
    expect(await completeSecondFactor(token)).toBeNull();
  });
});

describe("status, overrides and resets", () => {
  test("the status follows the policy (operators by default) and the operators' override", async () => {
    const customer = await onboardedUser();
    expect(await secondFactorStatus(customer.userId)).toEqual({
      required: false,
      requirement: "inherit",
      methods: { passkeys: 0, authenticatorApp: false, recoveryCodes: 0, enrolled: false },
    });
    const operator = await userWithAuthenticatorApp(new Date(), "operator");
    expect(await secondFactorStatus(operator.userId)).toEqual({
      required: true,
      requirement: "inherit",
      methods: { passkeys: 0, authenticatorApp: true, recoveryCodes: 10, enrolled: true },
    });

    const context = testContext(now());
    expect(await setSecondFactorRequirement(customer.userId, "required", operator.userId, context)).toEqual({
      ok: true,
    });
    expect(await secondFactorStatus(customer.userId)).toMatchObject({ required: true, requirement: "required" });
    // An operator cannot exempt themselves from the policy.
    expect(await setSecondFactorRequirement(operator.userId, "not_required", operator.userId, context)).toEqual({
      ok: false,
      error: "self",
    });
    expect(await setSecondFactorRequirement(operator.userId, "not_required", customer.userId, context)).toEqual({
      ok: true,
    });
    expect((await secondFactorStatus(operator.userId))!.required).toBe(false);
    expect(await setSecondFactorRequirement(customer.userId, "maybe", operator.userId, context)).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await setSecondFactorRequirement(customer.userId, "inherit", operator.userId, context)).toEqual({
      ok: true,
    });
    const [row] = await (await getDb()).select().from(users).where(eq(users.id, customer.userId));
    expect(row!.secondFactorRequirement).toBe("inherit");
    const changes = await auditRows("user.second_factor_requirement_changed", customer.userId);
    expect(changes.map((change) => change.details)).toEqual(
      expect.arrayContaining([
        { from: "inherit", to: "required" },
        { from: "required", to: "inherit" },
      ]),
    );
    expect(await secondFactorStatus("junk")).toBeNull();
  });

  test("an operator's reset removes every method and pending step and ends the user's sessions", async () => {
    const operator = await onboardedUser();
    const { userId, person, secret } = await userWithAuthenticatorApp();
    const session = await signedInWithApp(person.email, secret);
    const { token } = await beginSecondFactor(userId, testContext(now()));

    expect(await resetSecondFactors(userId, userId, testContext(now()))).toEqual({ ok: false, error: "self" });
    expect(await resetSecondFactors(userId, operator.userId, testContext(now()))).toEqual({ ok: true });
    expect(await methodsOf(userId)).toEqual({
      passkeys: 0,
      authenticatorApp: false,
      recoveryCodes: 0,
      enrolled: false,
    });
    expect(await authenticatorAppRow(userId)).toBeUndefined();
    expect(await recoveryCodeRows(userId)).toHaveLength(0);
    expect(await completeSecondFactor(token)).toBeNull();
    const later = new Date(Date.now() + 60_000);
    expect(await verifyTotp(userId, totpCode(secret, later), later)).toBe(false);
    const state = await findSessionState(await getDb(), userId, hashToken(session.sessionKey));
    expect(state!.sessionId).toBeNull();
    expect(state!.sessionVersion).toBe(session.sessionVersion + 1);
    const [reset] = await auditRows("second_factor.reset", userId);
    expect(reset).toMatchObject({
      actorId: operator.userId,
      details: { passkeys: 0, authenticatorApp: true, recoveryCodes: 10 },
    });
    expect((await emailSubjects(person.email)).at(-1)).toBe("Your second factors were reset");
    expect(await resetSecondFactors(userId, operator.userId, testContext(now()))).toEqual({
      ok: false,
      error: "nothing-to-reset",
    });
  });

  test("the overview counts active users with and without a second factor", async () => {
    const before = await secondFactorOverview();
    await userWithAuthenticatorApp();
    await onboardedUser();
    await onboardedUser();
    const after = await secondFactorOverview();
    expect({ with: after.with - before.with, without: after.without - before.without }).toEqual({
      with: 1,
      without: 2,
    });
  });
});
