import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { users } from "@/db/schema";
import { expectedAnswer } from "@/lib/matrix";
import { answer, pending, requireRecentSignIn, type ReauthScope } from "@/lib/reauth";
import type { SessionClaims } from "@/lib/sessions/policy";
import { currentUser } from "@/lib/sessions";
import { acceptTerms, currentTerms } from "@/lib/terms";
import type { SessionUser } from "@/lib/sessions/refresh";
import { STRONG_PATTERN } from "../support/people";
import { claimsOf, loginContext, onboardedUser, signedInUser } from "../support/sign-in";

/**
 * requireRecentSignIn, the guard of every sensitive action: what it lets through and what it
 * sends to a challenge, per scope, read from this session's own last proof. The request (its
 * cookies, its signed-in user, the redirect) is stood in for; the database is real.
 */

const mockJar = new Map<string, { value: string; path?: string }>();
let mockClaims: SessionClaims | null = null;

jest.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (mockJar.has(name) ? { name, value: mockJar.get(name)!.value } : undefined),
    set: (name: string, value: string, options?: { path?: string }) =>
      mockJar.set(name, { value, path: options?.path }),
    delete: ({ name }: { name: string }) => mockJar.delete(name),
  }),
}));
jest.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));
jest.mock("@/lib/sessions/cookie", () => ({
  ...jest.requireActual("@/lib/sessions/cookie"),
  readSessionToken: async () => (mockClaims ? { claims: mockClaims } : null),
}));
jest.mock("@/lib/http/request-context", () => ({
  ...jest.requireActual("@/lib/http/request-context"),
  requestContext: async () => ({ ip: "192.0.2.77", userAgent: "jest", now: new Date() }),
}));

beforeAll(() => getDb(), 60_000);
afterAll(() => closeDb());
beforeEach(() => mockJar.clear());

const MINUTE = 60_000;

/** A user with a matrix password who accepted the terms; operators are promoted in the database, as the seed does. */
async function person(role: SessionUser["role"]): Promise<string> {
  const { person, userId } = await onboardedUser();
  // Exempt from the second factor the policy asks operators for: this suite is about the matrix re-check.
  if (role === "operator")
    await (
      await getDb()
    )
      .update(users)
      .set({ role, secondFactorRequirement: "not_required" })
      .where(eq(users.id, userId));
  const terms = await currentTerms("en");
  if (terms) await acceptTerms(userId, terms.version, loginContext());
  return person.email;
}

/** Signs in through the real challenge `minutesAgo`: the claims of that session's cookie, still in use now. */
async function signedIn(email: string, minutesAgo: number): Promise<SessionClaims> {
  const user = await signedInUser(email, STRONG_PATTERN, loginContext(new Date(Date.now() - minutesAgo * MINUTE)));
  return claimsOf(user, Date.now());
}

async function guard(scope: ReauthScope, session: SessionClaims, returnTo: string): Promise<string> {
  mockClaims = session;
  try {
    return (await requireRecentSignIn(scope, returnTo)).id === session.userId ? "allowed" : "someone else";
  } catch (error) {
    return (error as Error).message;
  }
}

/** Answers the pending challenge of `scope` in this session. */
async function reauthenticate(session: SessionClaims, scope: ReauthScope): Promise<boolean> {
  mockClaims = session;
  const challenge = await pending();
  return answer((await currentUser())!, scope, challenge ? expectedAnswer(challenge.digits, STRONG_PATTERN) : "");
}

describe("admin scope: 15 minutes in this very session", () => {
  test("a fresh sign-in passes and issues nothing", async () => {
    const email = await person("operator");
    const fresh = await signedIn(email, 1);
    expect(await guard("admin", fresh, "/admin/terms")).toBe("allowed");
    expect(mockJar.size).toBe(0);
  });

  test("a stale one is sent to a challenge scoped to /admin, and passes once it is answered", async () => {
    const email = await person("operator");
    const stale = await signedIn(email, 16);
    expect(await guard("admin", stale, "/admin/users/new")).toBe("redirect /admin/reauth?next=%2Fadmin%2Fusers%2Fnew");
    expect(mockJar.get("reauth_challenge")?.path).toBe("/admin");
    expect(await pending()).not.toBeNull();
    expect(await reauthenticate(stale, "admin")).toBe(true);
    expect(mockJar.size).toBe(0);
    expect(await guard("admin", stale, "/admin/users/new")).toBe("allowed");
  });

  test("a re-authentication or sign-in in another session does not freshen a stale one", async () => {
    const email = await person("operator");
    const stale = await signedIn(email, 20);
    const other = await signedIn(email, 20);
    expect(await guard("admin", other, "/admin/terms")).toMatch(/^redirect \/admin\/reauth/);
    expect(await reauthenticate(other, "admin")).toBe(true);
    await signedIn(email, 0);
    expect(await guard("admin", stale, "/admin/terms")).toBe("redirect /admin/reauth?next=%2Fadmin%2Fterms");
    expect(await guard("admin", other, "/admin/terms")).toBe("allowed");
  });

  test("anyone but an operator gets the admin area's 404, with no challenge issued", async () => {
    const email = await person("customer");
    expect(await guard("admin", await signedIn(email, 16), "/admin/terms")).toBe("not found");
    expect(mockJar.size).toBe(0);
  });
});

describe("account scope: a matrix password change always asks for the current one", () => {
  test("even a fresh sign-in is sent to a challenge on the password page, scoped to /account", async () => {
    const email = await person("customer");
    expect(await guard("account", await signedIn(email, 0), "/account/password")).toBe("redirect /account/password");
    expect(mockJar.get("reauth_challenge")?.path).toBe("/account");
  });

  test("a stale session likewise; a wrong answer issues a fresh challenge; no answer counts for a later change", async () => {
    const email = await person("customer");
    const stale = await signedIn(email, 20);
    const other = await signedIn(email, 20);
    expect(await guard("account", stale, "/account/password")).toBe("redirect /account/password");
    const first = mockJar.get("reauth_challenge")!.value;
    expect(await answer((await currentUser())!, "account", "00000000")).toBe(false);
    expect(mockJar.get("reauth_challenge")!.value).not.toBe(first);
    expect(await guard("account", other, "/account/password")).toBe("redirect /account/password");
    expect(await reauthenticate(other, "account")).toBe(true);
    // The answer is the proof for the change it precedes; it freshens neither session for the next one.
    expect(await guard("account", stale, "/account/password")).toBe("redirect /account/password");
    expect(await guard("account", other, "/account/password")).toBe("redirect /account/password");
  });

  test("someone signed out is sent to sign in, with no challenge issued", async () => {
    mockClaims = null;
    await expect(requireRecentSignIn("account", "/account/password")).rejects.toThrow(
      "redirect /login?next=%2Faccount%2Fpassword",
    );
    expect(mockJar.size).toBe(0);
  });
});
