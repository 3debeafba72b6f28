import { closeDb } from "@/db/client";
import { generateRecoveryCodes, methodsOf, remainingRecoveryCodes, redeemRecoveryCode } from "@/lib/second-factor";
import { normalizeRecoveryCode } from "@/lib/second-factor/recovery-code";
import { auditCount, auditRows } from "../support/audit";
import { testContext } from "../support/people";
import { emailSubjects, recoveryCodeRows, userWithAuthenticatorApp } from "../support/second-factor";
import { onboardedUser } from "../support/sign-in";

afterAll(() => closeDb());

const CODE_SHAPE = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/;

test("the first method brings 10 distinct codes, stored only as keyed hashes", async () => {
  const { userId, recoveryCodes } = await userWithAuthenticatorApp();
  expect(recoveryCodes).toHaveLength(10);
  expect(new Set(recoveryCodes).size).toBe(10);
  for (const code of recoveryCodes) expect(code).toMatch(CODE_SHAPE);
  const rows = await recoveryCodeRows(userId);
  expect(rows).toHaveLength(10);
  expect(new Set(rows.map((row) => row.batchId)).size).toBe(1);
  const stored = JSON.stringify(rows);
  for (const code of recoveryCodes) {
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(normalizeRecoveryCode(code)!);
  }
  for (const row of rows)
    expect(row).toMatchObject({ keyId: "k1", usedAt: null, codeHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(await remainingRecoveryCodes(userId)).toBe(10);
});

test("a code works once; wrong codes, other users' codes and junk never do", async () => {
  const { userId, recoveryCodes, person } = await userWithAuthenticatorApp();
  const other = await userWithAuthenticatorApp();
  const [first, second] = recoveryCodes;
  expect(await redeemRecoveryCode(other.userId, first, testContext())).toBe(false);
  expect(await redeemRecoveryCode(userId, "00000-00000", testContext())).toBe(false);
  expect(await redeemRecoveryCode(userId, "not a code", testContext())).toBe(false);
  expect(await redeemRecoveryCode(userId, { code: first }, testContext())).toBe(false);
  expect(await redeemRecoveryCode(userId, first, testContext())).toBe(true);
  expect(await redeemRecoveryCode(userId, first, testContext())).toBe(false);
  expect(await remainingRecoveryCodes(userId)).toBe(9);
  // As typed from paper on a Japanese keyboard: full width, upper case, the long-vowel mark for "-".
  const typed = second!
    .toUpperCase()
    .replace("-", "ー")
    .replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  expect(await redeemRecoveryCode(userId, typed, testContext())).toBe(true);
  expect(await methodsOf(userId)).toMatchObject({ recoveryCodes: 8, authenticatorApp: true });
  const used = await auditRows("second_factor.recovery_code_used", userId);
  expect(used.map((row) => row.details)).toEqual(expect.arrayContaining([{ remaining: 9 }, { remaining: 8 }]));
  const subjects = await emailSubjects(person.email);
  expect(subjects.filter((s) => s === "A recovery code was used to sign in to your account")).toHaveLength(2);
});

test("regenerating voids every older code, used or not", async () => {
  const { userId, recoveryCodes: old, person } = await userWithAuthenticatorApp();
  expect(await redeemRecoveryCode(userId, old[0], testContext())).toBe(true);
  const regenerated = await generateRecoveryCodes(userId, testContext());
  if (!regenerated.ok) throw new Error(regenerated.error);
  expect(regenerated.codes).toHaveLength(10);
  expect(regenerated.codes.filter((code) => old.includes(code))).toEqual([]);
  expect(await remainingRecoveryCodes(userId)).toBe(10);
  for (const code of old.slice(1, 4)) expect(await redeemRecoveryCode(userId, code, testContext())).toBe(false);
  expect(await redeemRecoveryCode(userId, regenerated.codes[9], testContext())).toBe(true);
  const rows = await recoveryCodeRows(userId);
  expect(rows).toHaveLength(10);
  expect(new Set(rows.map((row) => row.batchId)).size).toBe(1);
  expect(await auditCount("second_factor.recovery_codes_generated", userId)).toBe(1);
  expect(await emailSubjects(person.email)).toContain("New recovery codes were generated for your account");
});

test("codes are only for users with a passkey or an authenticator app", async () => {
  const { userId } = await onboardedUser();
  expect(await generateRecoveryCodes(userId, testContext())).toEqual({ ok: false, error: "no-second-factor" });
  expect(await generateRecoveryCodes("00000000-0000-4000-8000-000000000000", testContext())).toEqual({
    ok: false,
    error: "not-found",
  });
  expect(await remainingRecoveryCodes(userId)).toBe(0);
});
