import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { onboardingTokens, users, type NewUser } from "@/db/schema";
import {
  decodeCursor,
  DIRECTORY_PAGE_SIZE,
  directoryUser,
  disableUser,
  editProfile,
  encodeCursor,
  resendStartingGuide,
  resetMatrixPassword,
  searchDirectory,
  unlockUserAccount,
} from "@/lib/admin";
import { escapeLike } from "@/db/queries/sql";
import { answerChallenge, issueChallenge } from "@/lib/login";
import { confirmPattern, isStartingGuideUsable, registerUser, saveDraft, verifyIdentity } from "@/lib/onboarding";
import { credentialRow } from "../support/accounts";
import { refreshSession } from "@/lib/sessions/refresh";
import { auditRows } from "../support/audit";
import { newPerson, testContext, tokenOf } from "../support/people";
import { latestGuide } from "../support/guide";
import { correctAnswer, loginContext, onboardedUser, signInClaims } from "../support/sign-in";

/**
 * The operators' user directory (search, filters, keyset pages) and the account actions of the
 * user detail page. Every test works on users tagged with its own random prefix, so the suite
 * also runs on a shared PostgreSQL database.
 */

beforeAll(() => getDb(), 60_000);
afterAll(() => closeDb());

const MINUTE = 60_000;
const tagged = () => `t${randomUUID().replaceAll("-", "").slice(0, 10)}`;

/** Inserts users directly (fast), returning their ids in insertion order. */
async function insertUsers(rows: Partial<NewUser>[]): Promise<string[]> {
  const db = await getDb();
  const values = rows.map((row, i) => ({
    email: `${randomUUID()}@example.com`,
    name: `User ${i}`,
    phone: `03${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
    ...row,
  }));
  const inserted = await db.insert(users).values(values).returning({ id: users.id });
  return inserted.map((row) => row.id);
}

/** Every row of a search, following "Next page" links; also checks each page's size. */
async function allPages(params: Record<string, string>) {
  const pages = [];
  let page = await searchDirectory(params, new Date());
  pages.push(page);
  while (page.next) {
    expect(page.rows).toHaveLength(DIRECTORY_PAGE_SIZE);
    page = await searchDirectory({ ...params, after: page.next }, new Date());
    pages.push(page);
  }
  return pages;
}

async function operator(): Promise<{ id: string; email: string }> {
  const person = { ...newPerson(), role: "operator" as const };
  const registered = await registerUser(person, testContext());
  if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
  return { id: registered.userId, email: person.email };
}

describe("search", () => {
  test("matches the beginning of the email, name, company or phone, case-insensitively", async () => {
    const tag = tagged();
    const [byEmail, byName, byCompany] = await insertUsers([
      { email: `${tag}.one@example.com`, name: "Ichiro Sato" },
      { name: `${tag.toUpperCase()} Hanako`, company: "Other K.K." },
      { name: "Jiro Ito", company: `${tag} Trading` },
      { name: `Someone ${tag}`, company: `Other ${tag}` }, // contains the tag, but not at the start
    ]);
    const page = await searchDirectory({ q: tag.toUpperCase() }, new Date());
    expect(page.rows.map((row) => row.id).sort()).toEqual([byEmail, byName, byCompany].sort());

    const digits = `0${String(Date.now()).slice(-9)}`;
    const [byPhone] = await insertUsers([{ phone: `${digits}12` }]);
    // Full-width digits typed on a Japanese keyboard are folded (NFKC) before searching.
    const fullWidth = digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect((await searchDirectory({ q: ` ${fullWidth} ` }, new Date())).rows.map((row) => row.id)).toEqual([byPhone]);
  });

  test("% and _ in the search are literal characters, not wildcards", async () => {
    const tag = tagged();
    const [percent, underscore] = await insertUsers([
      { name: `${tag}%off` },
      { name: `${tag}_x` },
      { name: `${tag}ab` },
      { name: `${tag}zx` },
    ]);
    expect((await searchDirectory({ q: `${tag}%` }, new Date())).rows.map((row) => row.id)).toEqual([percent]);
    expect((await searchDirectory({ q: `${tag}_` }, new Date())).rows.map((row) => row.id)).toEqual([underscore]);
    expect(escapeLike("a%b_c\\d")).toBe("a\\%b\\_c\\\\d");
  });

  test("filters by status (locked: a running timed lock or 100 failures since the last unlock) and role", async () => {
    const tag = tagged();
    const now = new Date();
    const name = (label: string) => `${tag} ${label}`;
    const ids = await insertUsers([
      { name: name("invited"), status: "invited" },
      { name: name("active"), status: "active" },
      { name: name("disabled"), status: "disabled" },
      { name: name("timed lock"), status: "active", lockedUntil: new Date(now.getTime() + 5 * MINUTE) },
      { name: name("operator lock"), status: "active", failuresSinceUnlock: 100 },
      {
        name: name("lock over"),
        status: "active",
        lockedUntil: new Date(now.getTime() - MINUTE),
        failuresSinceUnlock: 99,
      },
      { name: name("operator"), status: "active", role: "operator" },
      { name: name("disabled and locked"), status: "disabled", failuresSinceUnlock: 100 },
    ]);
    const [invited, active, disabled, timedLock, operatorLock, lockOver, op, disabledLocked] = ids;
    const found = async (params: Record<string, string>) =>
      (await searchDirectory({ q: tag, ...params }, now)).rows.map((row) => row.id).sort();

    expect(await found({ status: "invited" })).toEqual([invited]);
    expect(await found({ status: "active" })).toEqual([active, lockOver, op].sort());
    expect(await found({ status: "locked" })).toEqual([timedLock, operatorLock].sort());
    expect(await found({ status: "disabled" })).toEqual([disabled, disabledLocked].sort());
    expect(await found({ role: "operator" })).toEqual([op]);
    expect(await found({ role: "customer", status: "locked" })).toEqual([timedLock, operatorLock].sort());
    // Unknown values are ignored rather than refused.
    expect(await found({ status: "everything", role: "root" })).toEqual([...ids].sort());

    const statuses = Object.fromEntries(
      (await searchDirectory({ q: tag }, now)).rows.map((row) => [row.id, row.status]),
    );
    expect(statuses[timedLock!]).toBe("locked");
    expect(statuses[lockOver!]).toBe("active");
    expect(statuses[disabledLocked!]).toBe("disabled");
  });
});

describe("keyset pages", () => {
  test("newest first: every user exactly once, forwards and backwards, also across equal creation times", async () => {
    const tag = tagged();
    const base = Date.UTC(2021, 0, 1);
    // 123 users; every 4 share a creation time (down to the microsecond), so the id decides.
    const ids = await insertUsers(
      Array.from({ length: 123 }, (_, i) => ({
        company: `${tag} Co`,
        name: `N${i}`,
        createdAt: new Date(base + Math.floor(i / 4) * 1000),
      })),
    );
    const pages = await allPages({ q: tag });
    expect(pages.map((page) => page.rows.length)).toEqual([50, 50, 23]);
    const seen = pages.flatMap((page) => page.rows.map((row) => row.id));
    expect(new Set(seen).size).toBe(123);
    expect([...seen].sort()).toEqual([...ids].sort());
    // Newest first, ties by id descending.
    const times = pages.flatMap((page) => page.rows.map((row) => row.createdAt.getTime()));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    expect(pages[0]!.previous).toBeNull();
    expect(pages[2]!.next).toBeNull();
    // "Previous page" from the last page gives back exactly the middle page, then the first.
    const middle = await searchDirectory({ q: tag, before: pages[2]!.previous! }, new Date());
    expect(middle.rows.map((row) => row.id)).toEqual(pages[1]!.rows.map((row) => row.id));
    expect(middle.next).not.toBeNull();
    const first = await searchDirectory({ q: tag, before: middle.previous! }, new Date());
    expect(first.rows.map((row) => row.id)).toEqual(pages[0]!.rows.map((row) => row.id));
    expect(first.previous).toBeNull();
  });

  test("by name: case-insensitive A to Z, duplicates paged by id without gaps", async () => {
    const tag = tagged();
    const names = Array.from(
      { length: 110 },
      (_, i) => `${tag} ${["alpha", "Beta", "beta", "gamma"][i % 4]} ${Math.floor(i / 20)}`,
    );
    await insertUsers(names.map((name) => ({ name })));
    const pages = await allPages({ q: tag, sort: "name" });
    const rows = pages.flatMap((page) => page.rows);
    expect(rows).toHaveLength(110);
    expect(new Set(rows.map((row) => row.id)).size).toBe(110);
    const keys = rows.map((row) => `${row.name.toLowerCase()}\u0000${row.id}`);
    expect(keys).toEqual([...keys].sort());
    const back = await searchDirectory({ q: tag, sort: "name", before: pages[1]!.previous! }, new Date());
    expect(back.rows.map((row) => row.id)).toEqual(pages[0]!.rows.map((row) => row.id));
  });

  test("malformed cursors, cursors of another sort and impossible times are ignored: the first page is shown", async () => {
    const id = randomUUID();
    expect(decodeCursor("created", encodeCursor("created", { sortKey: "2024-02-29T10:00:00.123456Z", id }))).toEqual({
      key: "2024-02-29T10:00:00.123456Z",
      id,
    });
    expect(
      decodeCursor("created", encodeCursor("created", { sortKey: "2023-02-29T10:00:00.123456Z", id })),
    ).toBeUndefined();
    expect(decodeCursor("created", encodeCursor("created", { sortKey: "yesterday", id }))).toBeUndefined();
    expect(decodeCursor("created", encodeCursor("name", { sortKey: "sato", id }))).toBeUndefined();
    expect(decodeCursor("name", encodeCursor("name", { sortKey: "sato", id: "1; drop table users" }))).toBeUndefined();
    for (const junk of ["%%%", "bm90IGpzb24", Buffer.from('{"a":1}').toString("base64url"), "x".repeat(2000)]) {
      expect(decodeCursor("created", junk)).toBeUndefined();
      const page = await searchDirectory({ after: junk, before: junk, sort: ["name", "created"] }, new Date());
      expect(page.previous).toBeNull();
    }
  });
});

describe("user detail", () => {
  test("unknown and malformed ids find nobody", async () => {
    expect(await directoryUser("not-a-uuid", new Date())).toBeUndefined();
    expect(await directoryUser("' or 1=1 --", new Date())).toBeUndefined();
    expect(await directoryUser(randomUUID(), new Date())).toBeUndefined();
  });

  test("shows the lock state, failures, terms version and audit events, never the pattern", async () => {
    const { userId } = await onboardedUser();
    const db = await getDb();
    await db.update(users).set({ failuresSinceUnlock: 100, consecutiveFailures: 3 }).where(eq(users.id, userId));
    const user = await directoryUser(userId, new Date());
    expect(user).toMatchObject({
      locked: true,
      needsOperatorUnlock: true,
      displayStatus: "locked",
      hasPassword: true,
      failuresSinceUnlock: 100,
      acceptedTermsVersion: null,
    });
    expect(user!.events.map((event) => event.event)).toEqual(
      expect.arrayContaining(["user.registered", "onboarding.pattern_set"]),
    );
    expect(JSON.stringify(user)).not.toMatch(/sealed|pattern":/i);
  });
});

describe("account actions", () => {
  test("reset deletes the matrix password, ends every session and sends a reset guide the user can complete", async () => {
    const { person, userId } = await onboardedUser();
    const claims = await signInClaims(person.email);
    expect(await refreshSession(claims, Date.now())).not.toBeNull();
    const op = await operator();

    expect(await resetMatrixPassword(userId, op.id, testContext())).toEqual({ ok: true });
    expect(await refreshSession(claims, Date.now())).toBeNull();
    expect(await credentialRow(userId)).toBeUndefined();
    expect((await findUserById(await getDb(), userId))!.status).toBe("invited");

    const detail = await directoryUser(userId, new Date());
    expect(detail!.events[0]).toMatchObject({
      event: "onboarding.guide_issued",
      actorEmail: op.email,
      details: { purpose: "reset" },
    });
    expect(detail!.events.map((event) => event.event)).toContain("user.pattern_reset");
    // Sign-in now gets a decoy: there is no pattern to answer with.
    const { challengeId } = await issueChallenge(person.email, loginContext());
    await expect(correctAnswer(challengeId)).resolves.toMatch(/^\d+$/);
    expect((await answerChallenge(challengeId, await correctAnswer(challengeId), loginContext())).ok).toBe(false);

    // The newest link is the reset guide: the user verifies and sets a new pattern.
    const db = await getDb();
    const open = await db
      .select()
      .from(onboardingTokens)
      .where(and(eq(onboardingTokens.userId, userId), eq(onboardingTokens.purpose, "reset")));
    expect(open).toHaveLength(1);
    const resend = await resendStartingGuide(userId, op.id, testContext());
    expect(resend).toEqual({ ok: true }); // an invited-after-reset user can be sent the guide again
    const { link } = await latestGuide(userId);
    const verified = await verifyIdentity(tokenOf(link), person, testContext());
    if (!verified.ok) throw new Error(JSON.stringify(verified));
    const NEW_PATTERN = [1, 6, 19, 28, 34, 10, 41, 47];
    expect(await saveDraft(verified.sessionId, NEW_PATTERN, new Date())).toEqual({ ok: true });
    expect(await confirmPattern(verified.sessionId, testContext())).toEqual({ ok: true, userId });
    expect((await findUserById(await getDb(), userId))!.status).toBe("active");
    expect(await credentialRow(userId)).toBeDefined();
    await expect(signInClaims(person.email, NEW_PATTERN)).resolves.toMatchObject({ userId });
  });

  test("reset refuses disabled accounts, accounts without a password, the operator's own and unknown ids", async () => {
    const op = await operator();
    const { userId } = await onboardedUser();
    const invited = await registerUser(newPerson(), testContext());
    if (!invited.ok) throw new Error("registration failed");
    expect(await resetMatrixPassword(invited.userId, op.id, testContext())).toEqual({
      ok: false,
      error: "no-password",
    });
    expect(await resetMatrixPassword(op.id, op.id, testContext())).toEqual({ ok: false, error: "self" });
    expect(await resetMatrixPassword("nope", op.id, testContext())).toEqual({ ok: false, error: "not-found" });
    expect(await resetMatrixPassword(randomUUID(), op.id, testContext())).toEqual({ ok: false, error: "not-found" });
    await disableUser(userId, op.id, testContext());
    expect(await resetMatrixPassword(userId, op.id, testContext())).toEqual({ ok: false, error: "disabled" });
    expect(await credentialRow(userId)).toBeDefined();
  });

  test("resend voids the older link and is refused for users who are not invited", async () => {
    const op = await operator();
    const person = newPerson();
    const registered = await registerUser(person, testContext());
    if (!registered.ok) throw new Error("registration failed");
    expect(await isStartingGuideUsable(tokenOf(registered.link), new Date())).toBe(true);

    expect(await resendStartingGuide(registered.userId, op.id, testContext())).toEqual({ ok: true });
    expect(await isStartingGuideUsable(tokenOf(registered.link), new Date())).toBe(false);
    const { link, purpose } = await latestGuide(registered.userId);
    expect(link).not.toBe(registered.link);
    expect(purpose).toBe("activation");
    expect(await isStartingGuideUsable(tokenOf(link), new Date())).toBe(true);

    const [audit] = await auditRows("onboarding.guide_resent", registered.userId);
    expect(audit).toMatchObject({
      actorId: op.id,
      outcome: "success",
      details: { via: "operator", purpose: "activation" },
    });

    const { userId: active } = await onboardedUser();
    expect(await resendStartingGuide(active, op.id, testContext())).toEqual({ ok: false, error: "not-invited" });
    expect(await resendStartingGuide("../etc", op.id, testContext())).toEqual({ ok: false, error: "not-found" });
  });

  test("edit validates name, phone and company like registration and audits the changed fields only", async () => {
    const op = await operator();
    const { userId } = await onboardedUser();
    expect(
      await editProfile(userId, { name: "", phone: "03-1234-5678", company: "x".repeat(201) }, op.id, testContext()),
    ).toEqual({
      ok: false,
      fieldErrors: { name: "required", phone: "phoneNoHyphens", company: "tooLong" },
    });
    expect(await editProfile(userId, { name: "A", phone: "12" }, op.id, testContext())).toEqual({
      ok: false,
      fieldErrors: { phone: "phoneDigits" },
    });
    expect(await editProfile(userId, { name: 42, phone: null }, op.id, testContext())).toMatchObject({
      ok: false,
      fieldErrors: { name: "required", phone: "required" },
    });
    expect((await findUserById(await getDb(), userId))!.name).toBe("Taro Yamada");

    // Full-width digits and surrounding spaces are normalised; an empty company clears it.
    const result = await editProfile(
      userId,
      { name: "  Jiro  Tanaka ", phone: "０９０１２３４５６７８", company: " " },
      op.id,
      testContext(),
    );
    expect(result).toEqual({ ok: true, changed: ["name", "phone", "company"] });
    expect(await findUserById(await getDb(), userId)).toMatchObject({
      name: "Jiro Tanaka",
      phone: "09012345678",
      company: null,
    });
    expect(
      await editProfile(userId, { name: "Jiro Tanaka", phone: "09012345678", company: "" }, op.id, testContext()),
    ).toEqual({ ok: true, changed: [] });

    const audits = await auditRows("user.profile_updated", userId);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: op.id, details: { fields: "name,phone,company" } });
    expect(JSON.stringify(audits[0]!.details)).not.toContain("0901234");
    expect(await editProfile(randomUUID(), { name: "A", phone: "0312345678" }, op.id, testContext())).toEqual({
      ok: false,
      error: "not-found",
    });
  });

  test("unlock clears every counter and is audited with the operator as actor", async () => {
    const op = await operator();
    const { userId } = await onboardedUser();
    const db = await getDb();
    await db
      .update(users)
      .set({
        failuresSinceUnlock: 100,
        consecutiveFailures: 5,
        lockCount: 3,
        lockedUntil: new Date(Date.now() + 10 * MINUTE),
      })
      .where(eq(users.id, userId));
    expect(await unlockUserAccount(userId, op.id, testContext())).toEqual({ ok: true });
    expect(await findUserById(await getDb(), userId)).toMatchObject({
      failuresSinceUnlock: 0,
      consecutiveFailures: 0,
      lockCount: 0,
      lockedUntil: null,
    });
    const detail = await directoryUser(userId, new Date());
    expect(detail!.events[0]).toMatchObject({ event: "login.unlocked", actorId: op.id });
    expect(await unlockUserAccount(randomUUID(), op.id, testContext())).toEqual({ ok: false, error: "not-found" });
  });

  test("a duplicate email at registration is a field error on the email", async () => {
    const op = await operator();
    const person = newPerson();
    expect((await registerUser(person, testContext(), op.id)).ok).toBe(true);
    expect(await registerUser({ ...person, email: person.email.toUpperCase() }, testContext(), op.id)).toEqual({
      ok: false,
      fieldErrors: { email: "emailTaken" },
    });
  });
});
