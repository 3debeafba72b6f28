import { count, eq, isNotNull, and } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import {
  loginChallenges,
  matrixCredentials,
  onboardingSessions,
  onboardingTokens,
  patternHistory,
  users,
} from "@/db/schema";
import { answerChallenge, issueChallenge } from "@/lib/login";
import { confirmPattern, registerUser, saveDraft, verifyIdentity } from "@/lib/onboarding";
import { newPerson, STRONG_PATTERN, testContext, tokenOf } from "../support/people";
import { correctAnswer, loginContext, onboardedUser } from "../support/sign-in";
import { auditCount } from "../support/audit";
import { reportFigure } from "./support/report";

const RACERS = 50;

afterAll(() => closeDb());

async function registered() {
  const person = newPerson();
  const result = await registerUser(person, testContext());
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return { person, userId: result.userId, token: tokenOf(result.link) };
}

/** Starts `RACERS` calls at once, each from its own address so per-IP limits stay out of the way. */
function race<T>(call: (context: ReturnType<typeof loginContext>) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: RACERS }, () => call(loginContext())));
}

test(`of ${RACERS} concurrent identity verifications of one link exactly one opens a session`, async () => {
  const { person, userId, token } = await registered();
  const results = await race((context) => verifyIdentity(token, person, context));
  const winners = results.filter((r) => r.ok).length;
  reportFigure(`verify race: ${winners}/${RACERS} succeeded`);
  expect(winners).toBe(1);
  expect(results.filter((r) => !r.ok).every((r) => "error" in r && r.error === "link-in-use")).toBe(true);
  const db = await getDb();
  const [sessions] = await db
    .select({ n: count() })
    .from(onboardingSessions)
    .where(eq(onboardingSessions.userId, userId));
  expect(sessions!.n).toBe(1);
  const [link] = await db.select().from(onboardingTokens).where(eq(onboardingTokens.userId, userId));
  expect(link).toMatchObject({ consumedAt: null, voidedAt: null, failedVerifications: 0 });
  expect(await auditCount("onboarding.identity_verified", userId)).toBe(1);
});

test(`of ${RACERS} concurrent confirms of one onboarding session exactly one stores a credential`, async () => {
  const { person, userId, token } = await registered();
  const verified = await verifyIdentity(token, person, testContext());
  if (!verified.ok) throw new Error(JSON.stringify(verified));
  expect(await saveDraft(verified.sessionId, STRONG_PATTERN, new Date())).toEqual({ ok: true });

  const results = await race((context) => confirmPattern(verified.sessionId, context));
  const winners = results.filter((r) => r.ok).length;
  reportFigure(`confirm race: ${winners}/${RACERS} succeeded`);
  expect(winners).toBe(1);

  const db = await getDb();
  const [credentials] = await db
    .select({ n: count() })
    .from(matrixCredentials)
    .where(eq(matrixCredentials.userId, userId));
  const [history] = await db.select({ n: count() }).from(patternHistory).where(eq(patternHistory.userId, userId));
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const [consumed] = await db
    .select({ n: count() })
    .from(onboardingTokens)
    .where(and(eq(onboardingTokens.userId, userId), isNotNull(onboardingTokens.consumedAt)));
  expect({
    credentials: credentials!.n,
    history: history!.n,
    status: user!.status,
    consumedLinks: consumed!.n,
  }).toEqual({
    credentials: 1,
    history: 1,
    status: "active",
    consumedLinks: 1,
  });
  expect(await auditCount("onboarding.pattern_set", userId)).toBe(1);
});

test(`of ${RACERS} concurrent right answers to one challenge exactly one signs in, and no failure counts`, async () => {
  const { person, userId } = await onboardedUser();
  const { challengeId } = await issueChallenge(person.email, loginContext());
  const answer = await correctAnswer(challengeId);

  const results = await race((context) => answerChallenge(challengeId, answer, context));
  const winners = results.filter((r) => r.ok).length;
  reportFigure(`answer race: ${winners}/${RACERS} succeeded`);
  expect(winners).toBe(1);

  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  expect(user).toMatchObject({ consecutiveFailures: 0, failuresSinceUnlock: 0, lockedUntil: null });
  expect(user!.lastSignInAt).not.toBeNull();
  const [challenge] = await db.select().from(loginChallenges).where(eq(loginChallenges.userId, userId));
  expect(challenge!.consumedAt).not.toBeNull();
  expect(await auditCount("login.succeeded", userId)).toBe(1);
  // The losers met an answered challenge: nothing about them points at, or counts against, the account.
  expect(await auditCount("login.failed", userId)).toBe(0);
});
