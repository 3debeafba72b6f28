import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { closeDb } from "@/db/client";
import {
  DIRECTORY_PAGE_SIZE,
  editProfile,
  importUsers,
  profileSchema,
  publishTerms,
  searchDirectory,
  termsSchema,
  type DirectoryPage,
} from "@/lib/admin";
import { hashToken, isToken } from "@/lib/crypto";
import {
  answerChallenge,
  answerReauthentication,
  issueChallenge,
  issueUserChallenge,
  loadPendingChallenge,
} from "@/lib/login";
import { expectedAnswer } from "@/lib/matrix";
import { confirmPattern, registerUser, requestStartingGuide, saveDraft, verifyIdentity } from "@/lib/onboarding";
import { registrationSchema } from "@/lib/identity";
import { STRONG_PATTERN, testContext } from "../support/people";
import { correctAnswer, loginContext, onboardedUser } from "../support/sign-in";
import { databaseFingerprint, rowsOf } from "./support/database";
import { junkForm, junkString, junkValue } from "./support/junk";
import { reportFigure } from "./support/report";

jest.setTimeout(180_000);
afterAll(() => closeDb());

const RUNS = 60;
// Refused attempts are meant to leave these behind: the audit trail and the rate-limit counters.
const EXPECTED_TRACES = ["audit_events", "rate_limits"];

type Tally = { calls: number; answered: number; thrown: number; changed: number };

/**
 * Feeds `RUNS` generated inputs to one domain verb and judges each call by what the verb really
 * did: it must answer (never throw, which a request would turn into a 500), give the answer
 * junk deserves (`answered`, a refusal for most verbs), and leave the database as it was
 * (checked after every call, apart from the designed `traces`). Prints the counts it measured.
 */
async function fuzz<T, R>(
  name: string,
  input: fc.Arbitrary<T>,
  call: (value: T) => Promise<R>,
  answered: (result: R) => boolean | Promise<boolean>,
  traces: readonly string[] = EXPECTED_TRACES,
) {
  const before = await databaseFingerprint(traces);
  const tally: Tally = { calls: 0, answered: 0, thrown: 0, changed: 0 };
  try {
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        tally.calls += 1;
        let result: R;
        try {
          result = await call(value);
        } catch (error) {
          tally.thrown += 1;
          throw error;
        }
        const asExpected = await answered(result);
        if (asExpected) tally.answered += 1;
        const unchanged = isDeepStrictEqual(await databaseFingerprint(traces), before);
        if (!unchanged) tally.changed += 1;
        return asExpected && unchanged;
      }),
      { numRuns: RUNS },
    );
  } finally {
    reportFigure(
      `fuzz ${name}: ${tally.calls} generated inputs, ${tally.answered} answered as junk deserves, ${tally.thrown} thrown, ${tally.changed} changed the database`,
    );
  }
  expect(tally).toEqual({ calls: RUNS, answered: RUNS, thrown: 0, changed: 0 });
}

const notOk = (result: unknown) =>
  typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === false;

/** Junk gets a decoy: a challenge like any other to look at, bound to no account. */
async function isDecoy({ challengeId }: { challengeId: string }): Promise<boolean> {
  if (!isToken(challengeId)) return false;
  const rows = await rowsOf<{ user_id: string | null }>(
    sql`select user_id from login_challenges where id_hash = ${hashToken(challengeId)}`,
  );
  return rows.length === 1 && rows[0]!.user_id === null;
}

/** Junk filters fall back to none and junk cursors are ignored: a first page of the plain directory. */
function isFirstPlainPage(page: DirectoryPage): boolean {
  const { q, status, role, sort } = page.filters;
  return (
    page.previous === null &&
    page.rows.length <= DIRECTORY_PAGE_SIZE &&
    (q === undefined || (typeof q === "string" && q.length > 0)) &&
    [undefined, "invited", "active", "locked", "disabled"].includes(status) &&
    [undefined, "customer", "operator"].includes(role) &&
    ["created", "name"].includes(sort)
  );
}

test("registration refuses generated forms", async () => {
  // A form the schema accepts (full-width email and phone are valid) would be a real registration.
  const form = junkForm(["email", "name", "phone", "company", "role", "locale"]).filter(
    (value) => !registrationSchema.safeParse(value).success,
  );
  await fuzz("registerUser", form, (form) => registerUser(form as never, testContext()), notOk);
});

test("identity verification refuses generated tokens and forms", async () => {
  await fuzz(
    "verifyIdentity",
    fc.tuple(junkString, junkForm(["email", "name", "phone"])),
    ([token, form]) => verifyIdentity(token, form, loginContext()),
    notOk,
  );
});

test("pattern drafts and confirms refuse generated sessions and patterns", async () => {
  await fuzz(
    "saveDraft",
    fc.tuple(junkString, junkValue),
    ([session, pattern]) => saveDraft(session, pattern, new Date()),
    notOk,
  );
  await fuzz("confirmPattern", junkString, (session) => confirmPattern(session, loginContext()), notOk);
});

test("challenge answers refuse generated ids and codes", async () => {
  await fuzz(
    "answerChallenge",
    fc.tuple(junkString, junkString),
    ([id, code]) => answerChallenge(id, code, loginContext()),
    notOk,
  );
  await fuzz(
    "answerReauthentication",
    fc.tuple(junkString, junkString, junkString, junkString),
    ([id, code, userId, sessionId]) => answerReauthentication(id, code, { userId, sessionId }, loginContext()),
    (r) => r === false,
  );
});

test("email entry and resend answer any input without throwing", async () => {
  // Every email entry gets a challenge (a decoy for junk): that row is the designed answer.
  const decoys = [...EXPECTED_TRACES, "login_challenges"];
  await fuzz("issueChallenge", junkString, (email) => issueChallenge(email, loginContext()), isDecoy, decoys);
  // The answer is the same words whatever the address, so only the database shows a refusal.
  await fuzz(
    "requestStartingGuide",
    junkString,
    (email) => requestStartingGuide(email, loginContext()),
    (result) => result === undefined,
  );
});

test("operator verbs refuse generated input", async () => {
  const { userId } = await onboardedUser();
  // The generator can assemble a valid profile (a full-width phone, a name like "{}"): for the
  // real user that is an operator's legitimate edit, not junk.
  const profileEdit = fc
    .tuple(fc.oneof(junkString, fc.constant(userId)), junkForm(["name", "phone", "company"]))
    .filter(([id, form]) => id !== userId || !profileSchema.safeParse(form).success);
  await fuzz("editProfile", profileEdit, ([id, form]) => editProfile(id, form, userId, testContext()), notOk);
  await fuzz(
    "publishTerms",
    junkForm(["en", "ja"]).filter((form) => !termsSchema.safeParse(form).success),
    (form) => publishTerms(form, userId, testContext()),
    notOk,
  );
  await fuzz(
    "importUsers",
    fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }),
      junkString.map((s) => new TextEncoder().encode(`email,name,phone\n${s}`)),
    ),
    (bytes) => importUsers(bytes, userId, testContext()),
    notOk,
  );
  await fuzz(
    "searchDirectory",
    fc.dictionary(
      fc.constantFrom("q", "status", "role", "sort", "after", "before", "x"),
      fc.oneof(junkString, fc.array(junkString, { maxLength: 3 })),
    ),
    (params) => searchDirectory(params, new Date()),
    isFirstPlainPage,
  );
});

test("steps out of order are refused and change nothing", async () => {
  const { person, userId } = await onboardedUser();
  const reauth = await issueUserChallenge(userId, "reauthenticate", loginContext());
  const signIn = await issueChallenge(person.email, loginContext());
  const reauthGrid = await loadPendingChallenge(reauth.challengeId, new Date(), "reauthenticate");
  const reauthCode = expectedAnswer(reauthGrid!.digits, STRONG_PATTERN);
  const signInCode = await correctAnswer(signIn.challengeId);
  const before = await databaseFingerprint([...EXPECTED_TRACES, "login_challenges"]);
  // A re-authentication challenge does not sign in, and a sign-in challenge does not
  // re-authenticate, even with their right codes.
  expect(await answerChallenge(reauth.challengeId, reauthCode, loginContext())).toEqual({ ok: false });
  expect(
    await answerReauthentication(signIn.challengeId, signInCode, { userId, sessionId: randomUUID() }, loginContext()),
  ).toBe(false);
  // A finished onboarding cannot be drafted or confirmed again.
  expect(await saveDraft(reauth.challengeId, STRONG_PATTERN, new Date())).toMatchObject({ ok: false });
  expect(await confirmPattern(reauth.challengeId, loginContext())).toMatchObject({ ok: false });
  expect(await databaseFingerprint([...EXPECTED_TRACES, "login_challenges"])).toEqual(before);
});
