import { closeDb } from "@/db/client";
import { beginTotpSetup, confirmTotp, disableTotp, methodsOf, verifyTotp } from "@/lib/second-factor";
import { totpSecretFromText } from "@/lib/second-factor/totp";
import { auditCount } from "../support/audit";
import { testContext } from "../support/people";
import {
  authenticatorAppRow,
  emailSubjects,
  recoveryCodeRows,
  totpCode,
  userWithAuthenticatorApp,
} from "../support/second-factor";
import { onboardedUser } from "../support/sign-in";

afterAll(() => closeDb());

const STEP = 30_000;
// The middle of a step, so ±1 step stays inside the window whatever the test's own timing.
const T0 = new Date(Math.floor(Date.now() / STEP) * STEP + STEP / 2);
const after = (ms: number) => new Date(T0.getTime() + ms);

test("setup: a sealed pending secret, turned on by one valid code, with the first recovery codes", async () => {
  const { userId, person } = await onboardedUser();
  const begun = await beginTotpSetup(userId, testContext(T0));
  if (!begun.ok) throw new Error(begun.error);
  const { secret, uri, qrCodeDataUrl } = begun.setup;
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(uri).toBe(
    `otpauth://totp/Matrix%20Portal:${encodeURIComponent(person.email)}?secret=${secret}&issuer=Matrix%20Portal&algorithm=SHA1&digits=6&period=30`,
  );
  expect(qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);

  const pending = await authenticatorAppRow(userId);
  expect(pending).toMatchObject({ confirmedAt: null, lastAcceptedStep: null, keyId: "k1" });
  expect(pending!.sealedSecret).toMatch(/^v1\.k1\./);
  expect(pending!.sealedSecret).not.toContain(secret);
  expect(await methodsOf(userId)).toMatchObject({ authenticatorApp: false, enrolled: false });
  expect(await verifyTotp(userId, totpCode(totpSecretFromText(secret), T0), T0)).toBe(false);

  const key = totpSecretFromText(secret);
  expect(await confirmTotp(userId, totpCode(key, T0, 3), testContext(T0))).toEqual({ ok: false, error: "wrong-code" });
  const confirmed = await confirmTotp(userId, totpCode(key, T0), testContext(T0));
  expect(confirmed.ok && confirmed.recoveryCodes).toHaveLength(10);
  expect(await confirmTotp(userId, totpCode(key, T0, 1), testContext(T0))).toEqual({ ok: false, error: "no-setup" });
  expect(await methodsOf(userId)).toEqual({ passkeys: 0, authenticatorApp: true, recoveryCodes: 10, enrolled: true });
  expect(await auditCount("second_factor.authenticator_app_enabled", userId)).toBe(1);
  expect(await emailSubjects(person.email)).toContain("An authenticator app was turned on for your account");
  // The code that turned the app on is used up: it does not also sign in.
  expect(await verifyTotp(userId, totpCode(key, T0), T0)).toBe(false);
});

test("an app that is on is not replaced by a new setup; an unconfirmed setup is, and expires after 15 minutes", async () => {
  const { userId, setup } = await userWithAuthenticatorApp(T0);
  expect(await beginTotpSetup(userId, testContext(T0))).toEqual({ ok: false, error: "already-on" });
  expect((await authenticatorAppRow(userId))!.confirmedAt).not.toBeNull();
  expect(setup.secret).toHaveLength(32);

  const other = await onboardedUser();
  const first = await beginTotpSetup(other.userId, testContext(T0));
  const second = await beginTotpSetup(other.userId, testContext(T0));
  if (!first.ok || !second.ok) throw new Error("setup refused");
  expect(second.setup.secret).not.toBe(first.setup.secret);
  const stale = totpSecretFromText(first.setup.secret);
  expect(await confirmTotp(other.userId, totpCode(stale, T0), testContext(T0))).toEqual({
    ok: false,
    error: "wrong-code",
  });
  const late = after(15 * 60_000 + 1);
  const fresh = totpSecretFromText(second.setup.secret);
  expect(await confirmTotp(other.userId, totpCode(fresh, late), testContext(late))).toEqual({
    ok: false,
    error: "no-setup",
  });
});

test("codes one step either side are accepted; two steps away are refused", async () => {
  const { userId, secret } = await userWithAuthenticatorApp(T0);
  const now = after(10 * STEP);
  expect(await verifyTotp(userId, totpCode(secret, now, -2), now)).toBe(false);
  expect(await verifyTotp(userId, totpCode(secret, now, 2), now)).toBe(false);
  expect(await verifyTotp(userId, totpCode(secret, now, -1), now)).toBe(true);
  expect(await verifyTotp(userId, totpCode(secret, now, 0), now)).toBe(true);
  expect(await verifyTotp(userId, totpCode(secret, now, 1), now)).toBe(true);
  expect((await authenticatorAppRow(userId))!.lastAcceptedStep).toBe(Math.floor(now.getTime() / STEP) + 1);
});

test("a code is accepted once: the same step again and any earlier step are refused, a later one is accepted", async () => {
  const { userId, secret } = await userWithAuthenticatorApp(T0);
  const now = after(20 * STEP);
  const code = totpCode(secret, now);
  expect(await verifyTotp(userId, code, now)).toBe(true);
  expect(await verifyTotp(userId, code, now)).toBe(false);
  expect(await verifyTotp(userId, code, after(20 * STEP + 20_000))).toBe(false);
  expect(await verifyTotp(userId, totpCode(secret, now, -1), now)).toBe(false);
  const later = after(21 * STEP);
  expect(await verifyTotp(userId, totpCode(secret, later), later)).toBe(true);
});

test("full-width digits and spaces are accepted; junk and other users' codes are not", async () => {
  const { userId, secret } = await userWithAuthenticatorApp(T0);
  const now = after(30 * STEP);
  const code = totpCode(secret, now);
  const fullWidth = `${code.slice(0, 3)}　${code.slice(3)}`.replace(/\d/g, (d) =>
    String.fromCharCode(0xff10 + Number(d)),
  );
  const other = await userWithAuthenticatorApp(T0);
  expect(await verifyTotp(other.userId, code, now)).toBe(false);
  expect(await verifyTotp("not-a-uuid", code, now)).toBe(false);
  expect(await verifyTotp(userId, { code }, now)).toBe(false);
  expect(await verifyTotp(userId, fullWidth, now)).toBe(true);
});

test("turning the app off removes it and, as the last method, the recovery codes", async () => {
  const { userId, secret, person } = await userWithAuthenticatorApp(T0);
  expect(await recoveryCodeRows(userId)).toHaveLength(10);
  expect(await disableTotp(userId, testContext(T0))).toBe(true);
  expect(await disableTotp(userId, testContext(T0))).toBe(false);
  expect(await authenticatorAppRow(userId)).toBeUndefined();
  expect(await recoveryCodeRows(userId)).toHaveLength(0);
  expect(await methodsOf(userId)).toEqual({ passkeys: 0, authenticatorApp: false, recoveryCodes: 0, enrolled: false });
  const now = after(40 * STEP);
  expect(await verifyTotp(userId, totpCode(secret, now), now)).toBe(false);
  expect(await auditCount("second_factor.authenticator_app_disabled", userId)).toBe(1);
  expect((await emailSubjects(person.email)).at(-1)).toBe("The authenticator app was turned off for your account");
});
