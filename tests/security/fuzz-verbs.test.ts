import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { closeDb } from "@/db/client";
import { editProfile, importUsers, profileSchema, publishTerms, searchDirectory, termsSchema } from "@/lib/admin";
import { answerChallenge, answerReauthentication, issueChallenge, issueReauthChallenge, loadPendingChallenge } from "@/lib/login";
import { expectedAnswer } from "@/lib/matrix";
import { confirmPattern, registerUser, requestStartingGuide, saveDraft, verifyIdentity } from "@/lib/onboarding";
import { registrationSchema } from "@/lib/identity";
import { STRONG_PATTERN, testContext } from "../support/people";
import { correctAnswer, loginContext, onboardedUser } from "../support/sign-in";
import { databaseFingerprint } from "./support/database";
import { junkForm, junkString, junkValue } from "./support/junk";
import { reportFigure } from "./support/report";

jest.setTimeout(180_000);
afterAll(() => closeDb());

const RUNS = 60;
// Refused attempts are meant to leave these behind: the audit trail and the rate-limit counters.
const EXPECTED_TRACES = ["audit_events", "rate_limits"];

/**
 * Feeds `RUNS` generated inputs to one domain verb: it must answer (never throw, which a
 * request would turn into a 500), refuse, and leave the database as it was.
 */
async function fuzz<T>(
  name: string,
  input: fc.Arbitrary<T>,
  call: (value: T) => Promise<unknown>,
  refused: (result: unknown) => boolean,
  traces: readonly string[] = EXPECTED_TRACES,
) {
  const before = await databaseFingerprint(traces);
  let calls = 0;
  await fc.assert(
    fc.asyncProperty(input, async (value) => {
      calls += 1;
      const result = await call(value);
      return refused(result);
    }),
    { numRuns: RUNS },
  );
  expect(await databaseFingerprint(traces)).toEqual(before);
  reportFigure(`fuzz ${name}: ${calls} generated inputs refused, 0 thrown, 0 rows changed`);
}

const notOk = (result: unknown) => typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === false;

test("registration refuses generated forms", async () => {
  // A form the schema accepts (full-width email and phone are valid) would be a real registration.
  const form = junkForm(["email", "name", "phone", "company", "role", "locale"]).filter((value) => !registrationSchema.safeParse(value).success);
  await fuzz("registerUser", form, (form) => registerUser(form as never, testContext()), notOk);
});

test("identity verification refuses generated tokens and forms", async () => {
  await fuzz("verifyIdentity", fc.tuple(junkString, junkForm(["email", "name", "phone"])), ([token, form]) => verifyIdentity(token, form, loginContext()), notOk);
});

test("pattern drafts and confirms refuse generated sessions and patterns", async () => {
  await fuzz("saveDraft", fc.tuple(junkString, junkValue), ([session, pattern]) => saveDraft(session, pattern, new Date()), notOk);
  await fuzz("confirmPattern", junkString, (session) => confirmPattern(session, loginContext()), notOk);
});

test("challenge answers refuse generated ids and codes", async () => {
  await fuzz("answerChallenge", fc.tuple(junkString, junkString), ([id, code]) => answerChallenge(id, code, loginContext()), notOk);
  await fuzz("answerReauthentication", fc.tuple(junkString, junkString, junkString, junkString), ([id, code, userId, sessionId]) => answerReauthentication(id, code, { userId, sessionId }, loginContext()), (r) => r === false);
});

test("email entry and resend answer any input without throwing", async () => {
  // Every email entry gets a challenge (a decoy for junk): that row is the designed answer.
  const decoys = [...EXPECTED_TRACES, "login_challenges"];
  await fuzz("issueChallenge", junkString, (email) => issueChallenge(email, loginContext()).then(() => ({ ok: false })), notOk, decoys);
  await fuzz("requestStartingGuide", junkString, (email) => requestStartingGuide(email, loginContext()).then(() => ({ ok: false })), notOk);
});

test("operator verbs refuse generated input", async () => {
  const { userId } = await onboardedUser();
  // The generator can assemble a valid profile (a full-width phone, a name like "{}"): for the
  // real user that is an operator's legitimate edit, not junk.
  const profileEdit = fc
    .tuple(fc.oneof(junkString, fc.constant(userId)), junkForm(["name", "phone", "company"]))
    .filter(([id, form]) => id !== userId || !profileSchema.safeParse(form).success);
  await fuzz("editProfile", profileEdit, ([id, form]) => editProfile(id, form, userId, testContext()), notOk);
  await fuzz("publishTerms", junkForm(["en", "ja"]).filter((form) => !termsSchema.safeParse(form).success), (form) => publishTerms(form, userId, testContext()), notOk);
  await fuzz("importUsers", fc.oneof(fc.uint8Array({ maxLength: 2_000 }), junkString.map((s) => new TextEncoder().encode(`email,name,phone\n${s}`))), (bytes) => importUsers(bytes, userId, testContext()), notOk);
  await fuzz("searchDirectory", fc.dictionary(fc.constantFrom("q", "status", "role", "sort", "after", "before", "x"), fc.oneof(junkString, fc.array(junkString, { maxLength: 3 }))), (params) => searchDirectory(params, new Date()).then(() => ({ ok: false })), notOk);
});

test("steps out of order are refused and change nothing", async () => {
  const { person, userId } = await onboardedUser();
  const reauth = await issueReauthChallenge(userId, loginContext());
  const signIn = await issueChallenge(person.email, loginContext());
  const reauthGrid = await loadPendingChallenge(reauth.challengeId, new Date(), "reauthenticate");
  const reauthCode = expectedAnswer(reauthGrid!.digits, STRONG_PATTERN);
  const signInCode = await correctAnswer(signIn.challengeId);
  const before = await databaseFingerprint([...EXPECTED_TRACES, "login_challenges"]);
  // A re-authentication challenge does not sign in, and a sign-in challenge does not
  // re-authenticate, even with their right codes.
  expect(await answerChallenge(reauth.challengeId, reauthCode, loginContext())).toEqual({ ok: false });
  expect(await answerReauthentication(signIn.challengeId, signInCode, { userId, sessionId: randomUUID() }, loginContext())).toBe(false);
  // A finished onboarding cannot be drafted or confirmed again.
  expect(await saveDraft(reauth.challengeId, STRONG_PATTERN, new Date())).toMatchObject({ ok: false });
  expect(await confirmPattern(reauth.challengeId, loginContext())).toMatchObject({ ok: false });
  expect(await databaseFingerprint([...EXPECTED_TRACES, "login_challenges"])).toEqual(before);
});
