import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb, transaction } from "@/db/client";
import { auditEvents, termsAcceptances, termsVersions, users } from "@/db/schema";
import { bumpSessionVersion, findUserById } from "@/db/queries/users";
import { disableUser, enableUser, publishTerms } from "@/lib/admin";
import { checkStrength } from "@/lib/matrix";
import {
  confirmPattern,
  isStartingGuideUsable,
  issueStartingGuide,
  registerUser,
  saveDraft,
  verifyIdentity,
} from "@/lib/onboarding";
import { refreshSession } from "@/lib/sessions/refresh";
import { acceptTerms, currentTerms } from "@/lib/terms";
import { newPerson, testContext, tokenOf } from "../support/people";
import { onboardedUser, signedInUser, signInClaims } from "../support/sign-in";

/**
 * Sessions are JWTs re-checked against the database on every request (refreshSession): the
 * time limits, disabling, session-version bumps, role changes and terms publications.
 * Everything here uses this file's own users, except the terms publication, which is global:
 * it is withdrawn again at the end of its test (run the PostgreSQL pass with --runInBand).
 */

beforeAll(() => getDb(), 60_000);
afterAll(() => closeDb());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function signedInCustomer() {
  const { person, userId } = await onboardedUser();
  return { person, userId, claims: await signInClaims(person.email) };
}

/** An operator to act as (registered only: actions need an actor id, not a sign-in). */
async function operator(): Promise<string> {
  const registered = await registerUser({ ...newPerson(), role: "operator" }, testContext());
  if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
  return registered.userId;
}

describe("time limits", () => {
  test("29 idle minutes keep the session and move its activity time to now; 31 end it", async () => {
    const { claims } = await signedInCustomer();
    const now = Date.now();

    const refreshed = await refreshSession(
      { ...claims, signedInAt: now - 29 * MINUTE, lastSeenAt: now - 29 * MINUTE },
      now,
    );
    expect(refreshed).not.toBeNull();
    expect(refreshed!.claims).toEqual({ ...claims, signedInAt: now - 29 * MINUTE, lastSeenAt: now });

    // Activity slides the idle window: 29 minutes after that refresh is still fine.
    expect(await refreshSession(refreshed!.claims, now + 29 * MINUTE)).not.toBeNull();

    expect(
      await refreshSession({ ...claims, signedInAt: now - 31 * MINUTE, lastSeenAt: now - 31 * MINUTE }, now),
    ).toBeNull();
  });

  test("12 hours and 1 second after sign-in the session ends despite recent activity; 11 h 59 min is fine", async () => {
    const { claims } = await signedInCustomer();
    const now = Date.now();
    expect(
      await refreshSession({ ...claims, signedInAt: now - 12 * HOUR - 1000, lastSeenAt: now - MINUTE }, now),
    ).toBeNull();
    const refreshed = await refreshSession(
      { ...claims, signedInAt: now - 11 * HOUR - 59 * MINUTE, lastSeenAt: now - MINUTE },
      now,
    );
    expect(refreshed?.claims.lastSeenAt).toBe(now);
  });
});

describe("disabling and enabling", () => {
  test("disabling ends the user's sessions at their next request; enabling does not revive them", async () => {
    const { person, userId, claims } = await signedInCustomer();
    const actorId = await operator();
    expect(await refreshSession(claims, Date.now())).not.toBeNull();

    expect(await disableUser(userId, actorId, testContext())).toEqual({ ok: true, status: "disabled" });
    expect(await refreshSession(claims, Date.now())).toBeNull();
    await expect(signInClaims(person.email)).rejects.toThrow("sign-in failed");

    expect(await enableUser(userId, actorId, testContext())).toEqual({ ok: true, status: "active" });
    expect(await refreshSession(claims, Date.now())).toBeNull();
    const user = await findUserById(await getDb(), userId);
    expect(user).toMatchObject({ status: "active", sessionVersion: claims.sessionVersion + 2 });

    // A new sign-in works and carries the new version.
    const fresh = await signInClaims(person.email);
    expect(fresh.sessionVersion).toBe(claims.sessionVersion + 2);
    expect(await refreshSession(fresh, Date.now())).not.toBeNull();

    const db = await getDb();
    const events = await db
      .select({
        event: auditEvents.event,
        actorId: auditEvents.actorId,
        outcome: auditEvents.outcome,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, userId), eq(auditEvents.actorId, actorId)))
      .orderBy(auditEvents.id);
    expect(events).toEqual([
      { event: "user.disabled", actorId, outcome: "success", details: { from: "active" } },
      { event: "user.enabled", actorId, outcome: "success", details: { to: "active" } },
    ]);
  });

  test("disabling an invited user voids their starting guide; enabling leaves them invited", async () => {
    const actorId = await operator();
    const registered = await registerUser(newPerson(), testContext());
    if (!registered.ok) throw new Error("registration failed");
    expect(await isStartingGuideUsable(tokenOf(registered.link), new Date())).toBe(true);

    expect(await disableUser(registered.userId, actorId, testContext())).toEqual({ ok: true, status: "disabled" });
    expect(await isStartingGuideUsable(tokenOf(registered.link), new Date())).toBe(false);
    expect(await enableUser(registered.userId, actorId, testContext())).toEqual({ ok: true, status: "invited" });
    expect((await findUserById(await getDb(), registered.userId))!.status).toBe("invited");
  });

  test("refusals change nothing", async () => {
    const { userId, claims } = await signedInCustomer();
    const actorId = await operator();
    expect(await enableUser(userId, actorId, testContext())).toEqual({ ok: false, error: "unchanged" });
    expect(await disableUser(actorId, actorId, testContext())).toEqual({ ok: false, error: "self" });
    expect(await disableUser(randomUUID(), actorId, testContext())).toEqual({ ok: false, error: "not-found" });
    expect(await enableUser("not-a-uuid", actorId, testContext())).toEqual({ ok: false, error: "not-found" });
    expect(await refreshSession(claims, Date.now())).not.toBeNull();

    expect((await disableUser(userId, actorId, testContext())).ok).toBe(true);
    expect(await disableUser(userId, actorId, testContext())).toEqual({ ok: false, error: "unchanged" });
    expect((await findUserById(await getDb(), userId))!.sessionVersion).toBe(claims.sessionVersion + 1);
  });
});

describe("session version and role", () => {
  test("a session version bump ends every session of the user", async () => {
    const { person, userId, claims } = await signedInCustomer();
    const other = await signInClaims(person.email);
    await transaction((tx) => bumpSessionVersion(tx, userId, new Date()));
    expect(await refreshSession(claims, Date.now())).toBeNull();
    expect(await refreshSession(other, Date.now())).toBeNull();
  });

  test("a matrix password reset ends the sessions signed in with the old password", async () => {
    const { person, userId, claims } = await signedInCustomer();
    const user = (await findUserById(await getDb(), userId))!;
    const link = await transaction((tx) => issueStartingGuide(tx, user, "reset", testContext()));
    const verified = await verifyIdentity(tokenOf(link), person, testContext());
    if (!verified.ok) throw new Error(JSON.stringify(verified));
    const newPattern = [0, 11, 47, 36, 13, 22, 34, 25];
    expect(checkStrength(newPattern)).toEqual({ ok: true });
    expect(await saveDraft(verified.sessionId, newPattern, new Date())).toEqual({ ok: true });
    expect((await confirmPattern(verified.sessionId, testContext())).ok).toBe(true);

    expect(await refreshSession(claims, Date.now())).toBeNull();
    const fresh = await signInClaims(person.email, newPattern);
    expect(fresh.sessionVersion).toBe(claims.sessionVersion + 1);
    expect(await refreshSession(fresh, Date.now())).not.toBeNull();
  });

  test("a changed role ends the session", async () => {
    const { userId, claims } = await signedInCustomer();
    const db = await getDb();
    await db.update(users).set({ role: "operator" }).where(eq(users.id, userId));
    expect(await refreshSession(claims, Date.now())).toBeNull();
    expect(await refreshSession({ ...claims, role: "operator" }, Date.now())).not.toBeNull();
  });
});

describe("terms", () => {
  /**
   * Takes a test publication back out (terms are global on a shared PostgreSQL, and other
   * files expect only the seeded version). Users who accepted it are asked again.
   */
  async function withdrawTerms(version: number) {
    await transaction(async (tx) => {
      await tx.update(users).set({ acceptedTermsVersion: null }).where(eq(users.acceptedTermsVersion, version));
      await tx.delete(termsAcceptances).where(eq(termsAcceptances.version, version));
      await tx.delete(termsVersions).where(eq(termsVersions.version, version));
    });
  }

  test("a sign-in reads the terms state the session check reads (auth.ts trusts it for the new session)", async () => {
    const { person, userId, claims } = await signedInCustomer();
    expect(await signedInUser(person.email)).toMatchObject({ id: userId, termsAccepted: false });
    expect((await refreshSession(claims, Date.now()))!.termsAccepted).toBe(false);
    expect(await acceptTerms(userId, (await currentTerms("en"))!.version, testContext())).toBe(true);
    expect(await signedInUser(person.email)).toMatchObject({ id: userId, termsAccepted: true });
    expect((await refreshSession(claims, Date.now()))!.termsAccepted).toBe(true);
  });

  test("a new terms version must be accepted before the portal opens again; the old one is refused", async () => {
    const { userId, claims } = await signedInCustomer();
    const actorId = await operator();
    expect((await refreshSession(claims, Date.now()))!.termsAccepted).toBe(false);

    const before = (await currentTerms("en"))!;
    expect(await acceptTerms(userId, before.version, testContext())).toBe(true);
    expect((await refreshSession(claims, Date.now()))!.termsAccepted).toBe(true);

    const published = await publishTerms(
      {
        en: {
          title: "Terms of Personal Information Protection regarding Customer Portal",
          body: "  Revised for the test.\r\n\r\nSecond paragraph.  ",
        },
        ja: { title: "カスタマーポータルにおける個人情報保護に関する規約", body: "テスト用の改訂版です。" },
      },
      actorId,
      testContext(),
    );
    if (!published.ok) throw new Error(JSON.stringify(published.fieldErrors));
    try {
      expect(published.version).toBeGreaterThan(before.version);
      expect(await currentTerms("en")).toMatchObject({
        version: published.version,
        body: "Revised for the test.\n\nSecond paragraph.",
      });
      expect(await currentTerms("ja")).toMatchObject({ version: published.version, body: "テスト用の改訂版です。" });

      // The session goes on, but only to the terms page.
      const asked = await refreshSession(claims, Date.now());
      expect(asked).toMatchObject({ termsAccepted: false });

      expect(await acceptTerms(userId, before.version, testContext())).toBe(false);
      expect((await refreshSession(claims, Date.now()))!.termsAccepted).toBe(false);

      expect(await acceptTerms(userId, published.version, testContext())).toBe(true);
      expect((await refreshSession(claims, Date.now()))!.termsAccepted).toBe(true);

      const db = await getDb();
      const accepted = await db
        .select({ version: termsAcceptances.version })
        .from(termsAcceptances)
        .where(eq(termsAcceptances.userId, userId));
      expect(accepted.map((row) => row.version).sort((a, b) => a - b)).toEqual([before.version, published.version]);
      const [audit] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.event, "terms.published"), eq(auditEvents.actorId, actorId)));
      expect(audit).toMatchObject({ outcome: "success", details: { version: published.version, locales: "en,ja" } });
    } finally {
      await withdrawTerms(published.version);
    }
    expect((await currentTerms("en"))!.version).toBe(before.version);
  });

  test("publishing refuses missing or empty texts and publishes nothing", async () => {
    const before = (await currentTerms("en"))!.version;
    const actorId = await operator();
    expect(await publishTerms({ ja: { title: "規約", body: "本文" } }, actorId, testContext())).toEqual({
      ok: false,
      fieldErrors: { en: "required" },
    });
    expect(
      await publishTerms(
        { en: { title: "   ", body: "Body" }, ja: { title: "規約", body: "" } },
        actorId,
        testContext(),
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { "en.title": "required", "ja.body": "required" },
    });
    expect(await publishTerms({ en: { title: "T", body: "x".repeat(100_001) } }, actorId, testContext())).toEqual({
      ok: false,
      fieldErrors: { "en.body": "tooLong" },
    });
    expect(await publishTerms("nonsense", actorId, testContext())).toMatchObject({ ok: false });
    expect((await currentTerms("en"))!.version).toBe(before);
  });
});
