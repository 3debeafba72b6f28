import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { unlockLinks, users } from "@/db/schema";
import { env } from "@/env";
import { hashToken } from "@/lib/crypto";
import { listCapturedEmails } from "@/lib/mail/mailbox";
import {
  isUnlockLinkUsable,
  LOCK_THRESHOLD,
  MAX_FAILURES_BEFORE_OPERATOR,
  unlockAccount,
  unlockAccountByEmail,
  unlockWithLink,
} from "@/lib/login";
import { loginContext, onboardedUser } from "../support/sign-in";
import { signInAttempt, userRow } from "../support/accounts";
import { auditCount, auditRows } from "../support/audit";

jest.setTimeout(120_000);
beforeAll(() => getDb(), 60_000);
afterAll(() => closeDb());

const MINUTE = 60_000;

/** Fails `times` times in a row, moving the clock past every timed lock; returns the clock. */
async function failPaced(email: string, userId: string, times: number, start: Date): Promise<Date> {
  let now = start;
  for (let i = 0; i < times; i++) {
    expect(await signInAttempt(email, false, now)).toEqual({ ok: false });
    const { lockedUntil } = await userRow(userId);
    if (lockedUntil && lockedUntil > now) now = lockedUntil;
  }
  return now;
}

/** The unlock link in the newest email to this address, as delivered (the development transport keeps it). */
async function newestUnlockLink(email: string): Promise<string | undefined> {
  const [newest] = await listCapturedEmails({ to: email, limit: 1 });
  return newest?.text.match(/https?:\/\/\S+\/unlock\/[A-Za-z0-9_-]{43}/)?.[0];
}

/** A user in the lasting lock, reached through real answers, and the token of the emailed link. */
async function lockedForGood() {
  const user = await onboardedUser();
  const db = await getDb();
  await db
    .update(users)
    .set({ failuresSinceUnlock: MAX_FAILURES_BEFORE_OPERATOR - 2, consecutiveFailures: 0 })
    .where(eq(users.id, user.userId));
  const now = new Date();
  await failPaced(user.person.email, user.userId, 2, now);
  const link = await newestUnlockLink(user.person.email);
  return { ...user, now, token: link!.split("/unlock/")[1]! };
}

const identityOf = (person: { email: string; name: string; phone: string }) => ({
  email: person.email,
  name: person.name,
  phone: person.phone,
});

test("25 rounds of 4 typos and a successful sign-in never reach the lasting lock", async () => {
  const { person, userId } = await onboardedUser();
  const now = new Date();
  for (let round = 0; round < 25; round++) {
    for (let typo = 0; typo < LOCK_THRESHOLD - 1; typo++)
      expect(await signInAttempt(person.email, false, now)).toEqual({ ok: false });
    expect((await signInAttempt(person.email, true, now)).ok).toBe(true);
  }
  expect(await userRow(userId)).toMatchObject({ failuresSinceUnlock: 0, consecutiveFailures: 0, lockedUntil: null });
  expect((await signInAttempt(person.email, true, now)).ok).toBe(true);
});

test("100 consecutive paced failures lock for good and email the owner a single-use unlock link", async () => {
  const { person, userId } = await onboardedUser();
  const now = await failPaced(person.email, userId, MAX_FAILURES_BEFORE_OPERATOR, new Date());
  expect(await userRow(userId)).toMatchObject({ failuresSinceUnlock: MAX_FAILURES_BEFORE_OPERATOR });
  const [email] = await listCapturedEmails({ to: person.email, limit: 1 });
  expect(email!.subject).toBe("Your Matrix Portal account is locked for now");
  expect(email!.text).not.toContain("You can sign in again after");
  const link = await newestUnlockLink(person.email);
  expect(link).toMatch(new RegExp(`^${env.APP_URL}/unlock/[A-Za-z0-9_-]{43}$`));
  // Only the hash is stored, and the link lives UNLOCK_LINK_TTL_MINUTES.
  const db = await getDb();
  const stored = await db.select().from(unlockLinks).where(eq(unlockLinks.userId, userId));
  expect(stored).toHaveLength(1);
  expect(stored[0]!.tokenHash).toBe(hashToken(link!.split("/unlock/")[1]!));
  expect(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()).toBe(env.UNLOCK_LINK_TTL_MINUTES * MINUTE);
  // A day later the right code still fails.
  expect(await signInAttempt(person.email, true, new Date(now.getTime() + 24 * 60 * MINUTE))).toEqual({ ok: false });
});

test("the emailed link with the registered identity unlocks, is audited, and the user signs in again", async () => {
  const { person, userId, token, now } = await lockedForGood();
  // Opening the link (a mail scanner, a reload) changes nothing.
  for (let i = 0; i < 5; i++) expect(await isUnlockLinkUsable(token, now)).toBe(true);
  // Typed as on a Japanese keyboard: full-width digits and upper-case email are the same identity.
  const typed = {
    email: person.email.toUpperCase(),
    name: ` ${person.name} `,
    phone: person.phone.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  };
  expect(await unlockWithLink(token, typed, loginContext(now))).toEqual({ ok: true });
  expect(await userRow(userId)).toMatchObject({
    failuresSinceUnlock: 0,
    consecutiveFailures: 0,
    lockCount: 0,
    lockedUntil: null,
  });
  const [audited] = await auditRows("login.unlocked", userId);
  expect(audited).toMatchObject({ actorId: userId, outcome: "success", details: { via: "email-link" } });
  expect((await signInAttempt(person.email, true, now)).ok).toBe(true);
});

test("a replayed link is refused and changes nothing", async () => {
  const { person, userId, token, now } = await lockedForGood();
  expect(await unlockWithLink(token, identityOf(person), loginContext(now))).toEqual({ ok: true });
  await failPaced(person.email, userId, LOCK_THRESHOLD, now);
  const before = await userRow(userId);
  expect(await isUnlockLinkUsable(token, now)).toBe(false);
  expect(await unlockWithLink(token, identityOf(person), loginContext(now))).toEqual({
    ok: false,
    error: "link-invalid",
  });
  expect(await userRow(userId)).toEqual(before);
  expect(await auditCount("login.unlocked", userId)).toBe(1);
});

test("of 10 concurrent uses of one link exactly one unlocks", async () => {
  const { person, userId, token, now } = await lockedForGood();
  const results = await Promise.all(
    Array.from({ length: 10 }, () => unlockWithLink(token, identityOf(person), loginContext(now))),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok)).toEqual(Array(9).fill({ ok: false, error: "link-invalid" }));
  expect(await auditCount("login.unlocked", userId)).toBe(1);
});

test("an expired link is refused and changes nothing", async () => {
  const { person, userId, token, now } = await lockedForGood();
  const lifetime = env.UNLOCK_LINK_TTL_MINUTES * MINUTE;
  expect(await isUnlockLinkUsable(token, new Date(now.getTime() + lifetime - 1000))).toBe(true);
  const expired = new Date(now.getTime() + lifetime + 1000);
  expect(await isUnlockLinkUsable(token, expired)).toBe(false);
  expect(await unlockWithLink(token, identityOf(person), loginContext(expired))).toEqual({
    ok: false,
    error: "link-invalid",
  });
  expect(await userRow(userId)).toMatchObject({ failuresSinceUnlock: MAX_FAILURES_BEFORE_OPERATOR });
});

test("wrong identities are counted, five void the link, and none unlocks", async () => {
  const { person, userId, token, now } = await lockedForGood();
  const wrong = { ...identityOf(person), phone: "0399999999" };
  for (let remaining = 4; remaining >= 1; remaining--) {
    expect(await unlockWithLink(token, wrong, loginContext(now))).toEqual({ ok: false, error: "mismatch", remaining });
  }
  expect(await unlockWithLink(token, { ...wrong, name: "Someone Else" }, loginContext(now))).toEqual({
    ok: false,
    error: "link-voided",
  });
  expect(await unlockWithLink(token, identityOf(person), loginContext(now))).toEqual({
    ok: false,
    error: "link-invalid",
  });
  expect(await userRow(userId)).toMatchObject({ failuresSinceUnlock: MAX_FAILURES_BEFORE_OPERATOR });
  expect(await auditCount("login.unlock_identity_failed", userId)).toBe(5);
  expect(await auditCount("login.unlock_link_voided", userId)).toBe(1);
  // A hyphenated phone is refused with a field error and not counted against the link.
  const fresh = await lockedForGood();
  expect(
    await unlockWithLink(fresh.token, { ...identityOf(fresh.person), phone: "03-1234-5678" }, loginContext(now)),
  ).toEqual({ ok: false, fieldErrors: { phone: "phoneNoHyphens" } });
  expect(await unlockWithLink(fresh.token, identityOf(fresh.person), loginContext(now))).toEqual({ ok: true });
});

test("a foreign link or another user's identity unlocks nothing", async () => {
  const first = await lockedForGood();
  const second = await lockedForGood();
  const now = second.now;
  for (const token of ["A".repeat(43), "not-a-token", "", `${first.token}x`]) {
    expect(await isUnlockLinkUsable(token, now)).toBe(false);
    expect(await unlockWithLink(token, identityOf(first.person), loginContext(now))).toEqual({
      ok: false,
      error: "link-invalid",
    });
  }
  // The second user's link with the first user's (correct, for them) identity.
  expect(await unlockWithLink(second.token, identityOf(first.person), loginContext(now))).toMatchObject({
    ok: false,
    error: "mismatch",
  });
  expect(await userRow(first.userId)).toMatchObject({ failuresSinceUnlock: MAX_FAILURES_BEFORE_OPERATOR });
  expect(await userRow(second.userId)).toMatchObject({ failuresSinceUnlock: MAX_FAILURES_BEFORE_OPERATOR });
});

test("a disabled account is not unlocked by its link", async () => {
  const { person, userId, token, now } = await lockedForGood();
  const db = await getDb();
  await db.update(users).set({ status: "disabled" }).where(eq(users.id, userId));
  expect(await isUnlockLinkUsable(token, now)).toBe(false);
  expect(await unlockWithLink(token, identityOf(person), loginContext(now))).toEqual({
    ok: false,
    error: "link-invalid",
  });
  expect(await userRow(userId)).toMatchObject({
    status: "disabled",
    failuresSinceUnlock: MAX_FAILURES_BEFORE_OPERATOR,
  });
});

test("an operator's unlock voids the emailed link", async () => {
  const { person, userId, token, now } = await lockedForGood();
  expect(await unlockAccount(userId, loginContext(now), null)).toBe(true);
  expect(await isUnlockLinkUsable(token, now)).toBe(false);
  expect(await unlockWithLink(token, identityOf(person), loginContext(now))).toEqual({
    ok: false,
    error: "link-invalid",
  });
});

test("the command line's unlock by email clears the lasting lock and is audited", async () => {
  const { person, userId, now } = await lockedForGood();
  expect(await unlockAccountByEmail(` ${person.email.toUpperCase()} `, loginContext(now))).toBe(true);
  expect(await userRow(userId)).toMatchObject({ failuresSinceUnlock: 0, consecutiveFailures: 0, lockedUntil: null });
  const [audited] = await auditRows("login.unlocked", userId);
  expect(audited!.details).toEqual({ via: "cli" });
  expect((await signInAttempt(person.email, true, now)).ok).toBe(true);
  expect(await unlockAccountByEmail("nobody@example.com", loginContext(now))).toBe(false);
});

test("after the link expires unused, the next sign-in attempts send the owner one fresh link, which unlocks", async () => {
  const { person, userId, now } = await lockedForGood();
  const lifetime = env.UNLOCK_LINK_TTL_MINUTES * MINUTE;
  const first = await newestUnlockLink(person.email);
  // While the first link is live, attempts on the locked account send nothing new.
  expect(await signInAttempt(person.email, true, new Date(now.getTime() + MINUTE))).toEqual({ ok: false });
  expect(await newestUnlockLink(person.email)).toBe(first);

  const later = new Date(now.getTime() + lifetime + MINUTE);
  for (let i = 0; i < 3; i++) expect(await signInAttempt(person.email, i === 0, later)).toEqual({ ok: false });
  const fresh = await newestUnlockLink(person.email);
  expect(fresh).toBeDefined();
  expect(fresh).not.toBe(first);
  expect(await auditCount("login.unlock_link_renewed", userId)).toBe(1);

  const token = fresh!.split("/unlock/")[1]!;
  expect(await unlockWithLink(token, identityOf(person), loginContext(later))).toEqual({ ok: true });
  expect((await signInAttempt(person.email, true, later)).ok).toBe(true);
});
