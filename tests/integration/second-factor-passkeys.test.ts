import "../support/test-clock";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { passkeys, webauthnChallenges } from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import {
  listPasskeys,
  methodsOf,
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  removePasskey,
  verifyPasskeyAuthentication,
  verifyPasskeyRegistration,
} from "@/lib/second-factor";
import { now } from "@/lib/platform/clock";
import { auditCount } from "../support/audit";
import { testContext } from "../support/people";
import { emailSubjects, recoveryCodeRows } from "../support/second-factor";
import { onboardedUser } from "../support/sign-in";
import { SoftwarePasskey } from "../support/software-passkey";
import { advanceClock, resetClock } from "../support/test-clock";

afterAll(() => closeDb());
afterEach(() => resetClock());

async function challengeRow(challenge: string) {
  const [row] = await (
    await getDb()
  )
    .select()
    .from(webauthnChallenges)
    .where(eq(webauthnChallenges.challengeHash, hashToken(challenge)));
  return row;
}

/** A user with one passkey added through the real registration verbs. */
async function userWithPasskey(authenticator = new SoftwarePasskey()) {
  const { userId, person } = await onboardedUser();
  const options = (await passkeyRegistrationOptions(userId))!;
  const added = await verifyPasskeyRegistration(userId, authenticator.register(options), "Laptop", testContext(now()));
  if (!added.ok) throw new Error(added.error);
  return { userId, person, authenticator, added };
}

test("registration options: RP from APP_URL, the user's address, preferred verification, a stored single challenge", async () => {
  const { userId, person } = await onboardedUser();
  const options = (await passkeyRegistrationOptions(userId))!;
  expect(options.rp).toEqual({ id: "localhost", name: "Matrix Portal" });
  expect(options.user).toMatchObject({ name: person.email, displayName: person.name });
  expect(Buffer.from(options.user.id, "base64url").toString("hex")).toBe(userId.replaceAll("-", ""));
  expect(options.authenticatorSelection).toMatchObject({ userVerification: "preferred", residentKey: "preferred" });
  expect(options.attestation).toBe("none");
  expect(options.timeout).toBe(5 * 60_000);
  expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const row = await challengeRow(options.challenge);
  expect(row).toMatchObject({ userId, purpose: "registration", consumedAt: null });
  expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(5 * 60_000);
  expect(await passkeyRegistrationOptions("not-a-uuid")).toBeNull();
});

test("adding a passkey stores its public key and counter, makes the first recovery codes, and excludes it next time", async () => {
  const { userId, person, authenticator, added } = await userWithPasskey(new SoftwarePasskey(undefined, true));
  expect(added.ok && added.recoveryCodes).toHaveLength(10);
  const [row] = await (await getDb()).select().from(passkeys).where(eq(passkeys.userId, userId));
  expect(row).toMatchObject({
    credentialId: authenticator.id,
    counter: 0,
    transports: ["internal"],
    deviceType: "multi_device",
    backedUp: true,
    name: "Laptop",
    lastUsedAt: null,
  });
  expect(Buffer.from(row!.publicKey, "base64url").length).toBeGreaterThan(64);
  expect(await listPasskeys(userId)).toEqual([
    { id: row!.id, name: "Laptop", createdAt: row!.createdAt, lastUsedAt: null, synced: true },
  ]);
  expect(await methodsOf(userId)).toEqual({ passkeys: 1, authenticatorApp: false, recoveryCodes: 10, enrolled: true });
  const again = (await passkeyRegistrationOptions(userId))!;
  expect(again.excludeCredentials).toEqual([{ id: authenticator.id, type: "public-key", transports: ["internal"] }]);
  expect(await auditCount("second_factor.passkey_added", userId)).toBe(1);
  expect(await emailSubjects(person.email)).toContain("A passkey was added to your account");

  const second = await verifyPasskeyRegistration(
    userId,
    new SoftwarePasskey().register(again),
    "Phone",
    testContext(now()),
  );
  expect(second.ok && second.recoveryCodes).toBeNull();
});

test("a registration answer counts once, only for its user, only from this origin, and needs a name", async () => {
  const { userId } = await onboardedUser();
  const options = (await passkeyRegistrationOptions(userId))!;
  const phishing = new SoftwarePasskey("http://localhost.evil.example").register(options);
  expect(await verifyPasskeyRegistration(userId, phishing, "Laptop", testContext(now()))).toEqual({
    ok: false,
    error: "not-verified",
  });
  const next = (await passkeyRegistrationOptions(userId))!;
  const answer = new SoftwarePasskey().register(next);
  expect(await verifyPasskeyRegistration(userId, answer, "  ", testContext(now()))).toEqual({
    ok: false,
    error: "name-invalid",
  });
  const other = await onboardedUser();
  expect((await verifyPasskeyRegistration(other.userId, answer, "Laptop", testContext(now()))).ok).toBe(false);
  expect((await verifyPasskeyRegistration(userId, answer, "Laptop", testContext(now()))).ok).toBe(true);
  expect((await challengeRow(next.challenge))!.consumedAt).not.toBeNull();
  expect(await verifyPasskeyRegistration(userId, answer, "Laptop", testContext(now()))).toEqual({
    ok: false,
    error: "not-verified",
  });
  expect(await verifyPasskeyRegistration(userId, { id: "junk" }, "Laptop", testContext(now()))).toEqual({
    ok: false,
    error: "not-verified",
  });
});

test("signing in with a passkey: its own challenge once, the counter kept, replays and other origins refused", async () => {
  const { userId, authenticator } = await userWithPasskey();
  const options = (await passkeyAuthenticationOptions(userId))!;
  expect(options.rpId).toBe("localhost");
  expect(options.userVerification).toBe("preferred");
  expect(options.allowCredentials).toEqual([{ id: authenticator.id, type: "public-key", transports: ["internal"] }]);
  expect(await challengeRow(options.challenge)).toMatchObject({ userId, purpose: "authentication", consumedAt: null });

  const assertion = authenticator.authenticate(options);
  const other = await userWithPasskey();
  expect(await verifyPasskeyAuthentication(other.userId, assertion)).toBe(false);
  expect(await verifyPasskeyAuthentication(userId, assertion)).toBe(true);
  expect(await verifyPasskeyAuthentication(userId, assertion)).toBe(false);
  const [row] = await (await getDb()).select().from(passkeys).where(eq(passkeys.userId, userId));
  expect(row!.counter).toBe(1);
  expect(row!.lastUsedAt).not.toBeNull();

  const relayed = new SoftwarePasskey("https://matrix-portal.example.evil");
  const fresh = (await passkeyAuthenticationOptions(userId))!;
  expect(await verifyPasskeyAuthentication(userId, relayed.authenticate(fresh))).toBe(false);
  // A registration challenge does not stand in for an authentication one.
  const registration = (await passkeyRegistrationOptions(userId))!;
  expect(
    await verifyPasskeyAuthentication(
      userId,
      authenticator.authenticate({ challenge: registration.challenge, rpId: "localhost" }),
    ),
  ).toBe(false);
});

test("a cloned authenticator is refused once its counter falls behind", async () => {
  const { userId, authenticator } = await userWithPasskey();
  authenticator.counter = 10;
  expect(
    await verifyPasskeyAuthentication(
      userId,
      authenticator.authenticate((await passkeyAuthenticationOptions(userId))!),
    ),
  ).toBe(true);
  authenticator.counter = 5;
  expect(
    await verifyPasskeyAuthentication(
      userId,
      authenticator.authenticate((await passkeyAuthenticationOptions(userId))!),
    ),
  ).toBe(false);
});

test("a WebAuthn challenge expires after 5 minutes (test clock)", async () => {
  const { userId, authenticator } = await userWithPasskey();
  const options = (await passkeyAuthenticationOptions(userId))!;
  const assertion = authenticator.authenticate(options);
  advanceClock(5 * 60_000 + 1_000);
  expect(await verifyPasskeyAuthentication(userId, assertion)).toBe(false);
  expect((await challengeRow(options.challenge))!.consumedAt).toBeNull();

  const late = (await passkeyAuthenticationOptions(userId))!;
  advanceClock(4 * 60_000);
  expect(await verifyPasskeyAuthentication(userId, authenticator.authenticate(late))).toBe(true);
});

test("no options without a passkey; removing the last one takes the recovery codes with it", async () => {
  const { userId } = await onboardedUser();
  expect(await passkeyAuthenticationOptions(userId)).toBeNull();
  const owner = await userWithPasskey();
  const [listed] = await listPasskeys(owner.userId);
  expect(await removePasskey(userId, listed!.id, testContext(now()))).toBe(false);
  expect(await removePasskey(owner.userId, "junk", testContext(now()))).toBe(false);
  expect(await removePasskey(owner.userId, listed!.id, testContext(now()))).toBe(true);
  expect(await listPasskeys(owner.userId)).toEqual([]);
  expect(await recoveryCodeRows(owner.userId)).toHaveLength(0);
  expect(await auditCount("second_factor.passkey_removed", owner.userId)).toBe(1);
  expect((await emailSubjects(owner.person.email)).at(-1)).toBe("A passkey was removed from your account");
});
