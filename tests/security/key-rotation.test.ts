import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { matrixCredentials } from "@/db/schema";
import { configuredKeyring, openPattern, parseKeyring } from "@/lib/crypto";
import { resealCredentials } from "@/lib/credentials/rotation";
import { answerChallenge, issueChallenge } from "@/lib/login";
import { redeemRecoveryCode, verifyTotp } from "@/lib/second-factor";
import { openSecret } from "@/lib/second-factor/authenticator-app";
import { normalizeRecoveryCode, recoveryCodeCandidates } from "@/lib/second-factor/recovery-code";
import { resealSecondFactors } from "@/lib/second-factor/rotation";
import { authenticatorAppRow, totpCode, userWithAuthenticatorApp } from "../support/second-factor";
import { correctAnswer, loginContext, onboardedUser } from "../support/sign-in";

afterAll(() => closeDb());

const oldKeyring = configuredKeyring();

test("after a rotation every matrix password is sealed under the new key and opens without the old one", async () => {
  const { userId, pattern, person } = await onboardedUser();
  const db = await getDb();
  const [before] = await db.select().from(matrixCredentials).where(eq(matrixCredentials.userId, userId));
  expect(before!.keyId).toBe(oldKeyring.current.id);

  const newKey = randomBytes(32).toString("base64");
  const rotated = parseKeyring("k9", newKey, `${oldKeyring.current.id}:${oldKeyring.current.key.toString("base64")}`);
  // On a shared database other test files' rows are sealed under their own random keys: those
  // count as unreadable here and are left as they are.
  const result = await resealCredentials(rotated);
  expect(result.resealed).toBeGreaterThanOrEqual(1);

  const [after] = await db.select().from(matrixCredentials).where(eq(matrixCredentials.userId, userId));
  expect(after!.keyId).toBe("k9");
  expect(after!.sealedPattern).not.toBe(before!.sealedPattern);
  expect(openPattern(after!.sealedPattern, userId, parseKeyring("k9", newKey, undefined).all)).toEqual(pattern);
  expect(() => openPattern(after!.sealedPattern, userId, oldKeyring.all)).toThrow();
  // Running it again finds nothing left to do.
  expect((await resealCredentials(rotated)).resealed).toBe(0);

  // Rolled back to the old configuration, the user could not sign in: the stored value needs the new key.
  const { challengeId } = await issueChallenge(person.email, loginContext());
  expect(await answerChallenge(challengeId, await correctAnswer(challengeId), loginContext())).toEqual({ ok: false });
  // Sealed back under the old key (a rotation the other way), sign-in works again.
  const back = parseKeyring(oldKeyring.current.id, oldKeyring.current.key.toString("base64"), `k9:${newKey}`);
  expect((await resealCredentials(back)).resealed).toBeGreaterThanOrEqual(1);
  const again = await issueChallenge(person.email, loginContext());
  expect((await answerChallenge(again.challengeId, await correctAnswer(again.challengeId), loginContext())).ok).toBe(
    true,
  );
});

test("a credential that no configured key opens is counted and left untouched", async () => {
  const { userId } = await onboardedUser();
  const db = await getDb();
  const [before] = await db.select().from(matrixCredentials).where(eq(matrixCredentials.userId, userId));
  const strangers = parseKeyring("k7", randomBytes(32).toString("base64"), undefined);
  const result = await resealCredentials(strangers);
  expect(result.unreadable).toBeGreaterThanOrEqual(1);
  const [after] = await db.select().from(matrixCredentials).where(eq(matrixCredentials.userId, userId));
  expect(after).toEqual(before);
});

test("a rotation reseals authenticator app secrets; recovery codes keep working while their key is kept", async () => {
  const at = new Date(Date.now() + 60 * 60_000);
  const { userId, secret, recoveryCodes } = await userWithAuthenticatorApp(new Date(at.getTime() - 60_000));
  const newKey = randomBytes(32).toString("base64");
  const rotated = parseKeyring("k8", newKey, `${oldKeyring.current.id}:${oldKeyring.current.key.toString("base64")}`);
  const result = await resealSecondFactors(rotated);
  expect(result.resealed).toBeGreaterThanOrEqual(1);
  expect(result.recoveryCodesOnOlderKeys).toBeGreaterThanOrEqual(1);
  const row = await authenticatorAppRow(userId);
  expect(row!.keyId).toBe("k8");
  expect(openSecret(row!.sealedSecret, userId, parseKeyring("k8", newKey, undefined).all)).toEqual(secret);
  expect(() => openSecret(row!.sealedSecret, userId, oldKeyring.all)).toThrow();
  expect((await resealSecondFactors(rotated)).resealed).toBe(0);
  // Codes were hashed under the old key, which the rotated ring still holds.
  const candidates = recoveryCodeCandidates(rotated, userId, normalizeRecoveryCode(recoveryCodes[0])!);
  expect(candidates.map((c) => c.keyId)).toEqual(["k8", oldKeyring.current.id]);
  // Sealed back under the configured key, the app keeps working for sign-in.
  const back = parseKeyring(oldKeyring.current.id, oldKeyring.current.key.toString("base64"), `k8:${newKey}`);
  expect((await resealSecondFactors(back)).resealed).toBeGreaterThanOrEqual(1);
  expect(await verifyTotp(userId, totpCode(secret, at), at)).toBe(true);
  expect(await redeemRecoveryCode(userId, recoveryCodes[0], loginContext())).toBe(true);
});
