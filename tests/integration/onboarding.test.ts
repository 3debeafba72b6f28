import { count, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { matrixCredentials, onboardingTokens, users } from "@/db/schema";
import { confirmPattern, isStartingGuideUsable, registerUser, saveDraft, verifyIdentity } from "@/lib/onboarding";
import { newPerson, STRONG_PATTERN, testContext, tokenOf } from "../support/people";

afterAll(() => closeDb());

async function registered(person = newPerson()) {
  const result = await registerUser(person, testContext());
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return { person, userId: result.userId, token: tokenOf(result.link) };
}

async function verified() {
  const subject = await registered();
  const result = await verifyIdentity(subject.token, subject.person, testContext());
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { ...subject, sessionId: result.sessionId };
}

describe("registering a user", () => {
  test("creates an invited user; a second registration of the address in other case is a field error", async () => {
    const { person, userId } = await registered();
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ status: "invited", role: "customer", email: person.email });
    const again = await registerUser({ ...person, email: person.email.toUpperCase() }, testContext());
    expect(again).toEqual({ ok: false, fieldErrors: { email: "emailTaken" } });
  });

  test("refuses a hyphenated phone and bad email with field errors and creates nothing", async () => {
    const person = newPerson();
    const result = await registerUser({ ...person, email: "not-an-email", phone: "03-1234-5678" }, testContext());
    expect(result).toEqual({ ok: false, fieldErrors: { email: "emailInvalid", phone: "phoneNoHyphens" } });
  });

  test("stores only the hash of the starting-guide token", async () => {
    const { userId, token } = await registered();
    const db = await getDb();
    const rows = await db.select().from(onboardingTokens).where(eq(onboardingTokens.userId, userId));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});

describe("identity verification", () => {
  test("opening the link ten times leaves it usable", async () => {
    const { token, person } = await registered();
    for (let i = 0; i < 10; i++) expect(await isStartingGuideUsable(token, new Date())).toBe(true);
    expect((await verifyIdentity(token, person, testContext())).ok).toBe(true);
  });

  test("accepts full-width digits, other letter case and extra spaces", async () => {
    const { token, person } = await registered();
    const fullWidthPhone = person.phone.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const result = await verifyIdentity(
      token,
      { email: ` ${person.email.toUpperCase()} `, name: "Taro　 Yamada", phone: fullWidthPhone },
      testContext(),
    );
    expect(result.ok).toBe(true);
  });

  test("a hyphenated phone is refused with a message and does not count as a wrong try", async () => {
    const { token, person } = await registered();
    for (let i = 0; i < 6; i++) {
      const result = await verifyIdentity(token, { ...person, phone: "03-1234-5678" }, testContext());
      expect(result).toEqual({ ok: false, fieldErrors: { phone: "phoneNoHyphens" } });
    }
    expect(await isStartingGuideUsable(token, new Date())).toBe(true);
  });

  test("five wrong identities void the link, even for the right identity afterwards", async () => {
    const { token, person } = await registered();
    const wrong = { ...person, name: "Hanako Suzuki" };
    for (const remaining of [4, 3, 2, 1]) {
      expect(await verifyIdentity(token, wrong, testContext())).toEqual({ ok: false, error: "mismatch", remaining });
    }
    expect(await verifyIdentity(token, wrong, testContext())).toEqual({ ok: false, error: "link-voided" });
    expect(await verifyIdentity(token, person, testContext())).toEqual({ ok: false, error: "link-invalid" });
  });

  test("an expired link is refused", async () => {
    const { token, person } = await registered();
    const later = new Date(Date.now() + 73 * 3600_000);
    expect(await isStartingGuideUsable(token, later)).toBe(false);
    expect(await verifyIdentity(token, person, testContext(later))).toEqual({ ok: false, error: "link-invalid" });
  });

  test("of 20 concurrent verifications of one link exactly one opens a session", async () => {
    const { token, person } = await registered();
    const results = await Promise.all(Array.from({ length: 20 }, () => verifyIdentity(token, person, testContext())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && "error" in r && r.error === "link-in-use")).toHaveLength(19);
  });
});

describe("matrix password registration and confirmation", () => {
  test("refuses weak patterns with the policy's reason", async () => {
    const { sessionId } = await verified();
    const row = [0, 1, 2, 3, 4, 5, 6, 7];
    expect(await saveDraft(sessionId, row, new Date())).toEqual({
      ok: false,
      reason: { code: "straight-line", direction: "row" },
    });
    expect(await saveDraft(sessionId, [0, 1, 2], new Date())).toMatchObject({
      ok: false,
      reason: { code: "too-short" },
    });
    expect(await saveDraft(sessionId, "0,1", new Date())).toMatchObject({
      ok: false,
      reason: { code: "not-an-array" },
    });
  });

  test("of 20 concurrent confirms exactly one succeeds and one credential is stored", async () => {
    const { sessionId, userId, token } = await verified();
    expect(await saveDraft(sessionId, STRONG_PATTERN, new Date())).toEqual({ ok: true });
    const results = await Promise.all(Array.from({ length: 20 }, () => confirmPattern(sessionId, testContext())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const db = await getDb();
    const [credentials] = await db
      .select({ n: count() })
      .from(matrixCredentials)
      .where(eq(matrixCredentials.userId, userId));
    expect(credentials!.n).toBe(1);
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user!.status).toBe("active");
    const [credential] = await db.select().from(matrixCredentials).where(eq(matrixCredentials.userId, userId));
    expect(credential!.sealedPattern).not.toContain(STRONG_PATTERN.join(","));
    expect(await isStartingGuideUsable(token, new Date())).toBe(false);
  });

  test("confirming without a draft or with an unknown session changes nothing", async () => {
    const { sessionId } = await verified();
    expect(await confirmPattern(sessionId, testContext())).toEqual({ ok: false, error: "no-draft" });
    expect(await confirmPattern("x".repeat(43), testContext())).toEqual({ ok: false, error: "session-expired" });
  });
});
