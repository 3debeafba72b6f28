import { randomUUID } from "node:crypto";
import { eq, gte, inArray, sql } from "drizzle-orm";
import { closeDb, getDb, transaction } from "@/db/client";
import {
  authenticatorApps,
  emailOutbox,
  loginChallenges,
  onboardingSessions,
  onboardingTokens,
  pendingSignIns,
  rateLimits,
  unlockLinks,
  webauthnChallenges,
} from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import { isUnlockLinkUsable, issueChallenge, loadPendingChallenge } from "@/lib/login";
import { issueUnlockLink } from "@/lib/login/unlock-link";
import { purgeExpiredRows, RETENTION_MS } from "@/lib/maintenance/purge";
import { queueEmail } from "@/lib/mail";
import { confirmPattern, isStartingGuideUsable, registerUser, saveDraft, verifyIdentity } from "@/lib/onboarding";
import { beginSecondFactor, beginTotpSetup, passkeyRegistrationOptions } from "@/lib/second-factor";
import { newPerson, STRONG_PATTERN, testContext, tokenOf } from "../support/people";
import { userWithAuthenticatorApp } from "../support/second-factor";
import { onboardedUser, uniqueIp } from "../support/sign-in";
import { reportFigure } from "../security/support/report";

/**
 * Tables every request writes to are purged (lib/maintenance/purge.ts). The clock is injected
 * and set years ahead, so on a shared PostgreSQL this file's rows are told from others' by time.
 */

// 10,000 sign-ins through the verb: about 1.5 minutes on PostgreSQL and several on PGlite on a busy 2-core machine.
jest.setTimeout(900_000);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const START = new Date(Math.floor(Date.now() / 1000) * 1000 + 3 * 365 * DAY);
const at = (ms: number) => new Date(START.getTime() + ms);

afterAll(() => closeDb());

async function countRows(table: typeof loginChallenges | typeof rateLimits, since: Date): Promise<number> {
  const db = await getDb();
  const column = table === loginChallenges ? loginChallenges.createdAt : rateLimits.windowStart;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(gte(column, since));
  return row!.n;
}

/** Email entries for addresses nobody has, as fast as the verb allows, a few at a time. */
async function decoySignIns(count: number, ipOf: (i: number) => string, now: Date): Promise<void> {
  const run = randomUUID().slice(0, 8);
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, j) =>
        issueChallenge(`nobody-${run}-${i + j}@example.invalid`, { ip: ipOf(i + j), userAgent: "jest", now }),
      ),
    );
  }
}

test("10,000 decoy sign-ins (2,000 from one address, 8,000 from 8,000 others) and one purge leave only what is still usable", async () => {
  const flooder = uniqueIp();
  await decoySignIns(2_000, () => flooder, START);
  const db = await getDb();
  const [fromFlooder] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginChallenges)
    .where(eq(loginChallenges.ip, flooder));
  // Beyond the per-IP limit (lib/http/rate-limit.ts) an address keeps only its newest pending challenge.
  expect(fromFlooder!.n).toBe(1);

  const ips = Array.from({ length: 8_000 }, () => uniqueIp());
  await decoySignIns(8_000, (i) => ips[i]!, START);
  const purgeAt = at(RETENTION_MS.loginChallenges + 10 * MINUTE);
  const pending = await issueChallenge("nobody@example.invalid", {
    ip: uniqueIp(),
    userAgent: "jest",
    now: at(RETENTION_MS.loginChallenges + 9 * MINUTE),
  });
  const before = {
    challenges: await countRows(loginChallenges, START),
    rateLimits: await countRows(rateLimits, START),
  };
  await purgeExpiredRows(purgeAt);
  const after = { challenges: await countRows(loginChallenges, START), rateLimits: await countRows(rateLimits, START) };
  reportFigure(
    `purge: 10000 decoy sign-ins left ${before.challenges} challenges and ${before.rateLimits} rate-limit rows; after one purge ${after.challenges} and ${after.rateLimits}`,
  );
  expect(before).toEqual({ challenges: 1 + 8_000 + 1, rateLimits: 1 + 8_000 + 1 });
  // Only the challenge issued a minute before the purge, and its address's counter, remain.
  expect(after).toEqual({ challenges: 1, rateLimits: 1 });
  expect(await loadPendingChallenge(pending.challengeId, purgeAt)).not.toBeNull();
});

test("concurrent purges neither fail nor delete a row twice", async () => {
  await decoySignIns(300, () => uniqueIp(), at(2 * DAY));
  const results = await Promise.all(Array.from({ length: 6 }, () => purgeExpiredRows(at(4 * DAY))));
  expect(results.reduce((sum, result) => sum + result.loginChallenges, 0)).toBeGreaterThanOrEqual(300);
  expect(await countRows(loginChallenges, START)).toBe(0);
});

test("used and expired links and onboarding sessions, and emails delivered a month ago, are purged; a live link is not", async () => {
  const done = newPerson();
  const registered = await registerUser(done, testContext(START));
  if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
  const verified = await verifyIdentity(tokenOf(registered.link), done, testContext(START));
  if (!verified.ok) throw new Error(JSON.stringify(verified));
  await saveDraft(verified.sessionId, STRONG_PATTERN, START);
  expect((await confirmPattern(verified.sessionId, testContext(START))).ok).toBe(true);
  const waiting = await registerUser(newPerson(), testContext(at(DAY)));
  if (!waiting.ok) throw new Error(JSON.stringify(waiting.fieldErrors));

  const db = await getDb();
  const { id: emailId } = await queueEmail(db, {
    to: `purge-${randomUUID()}@example.test`,
    template: "account-locked",
    locale: "en",
    props: { name: "A", unlocksAt: null },
  });
  await db
    .update(emailOutbox)
    .set({ status: "sent", sentAt: START, sealedProps: null })
    .where(eq(emailOutbox.id, emailId));

  // Unlock links: one expired a day before the cut-off, one issued a minute before the purge.
  await transaction((tx) => issueUnlockLink(tx, waiting.userId, testContext(at(-DAY))));
  const liveUnlock = await transaction((tx) => issueUnlockLink(tx, registered.userId, testContext(at(DAY))));

  await purgeExpiredRows(at(RETENTION_MS.onboarding + MINUTE));
  const unlockRows = await db
    .select({ userId: unlockLinks.userId })
    .from(unlockLinks)
    .where(inArray(unlockLinks.userId, [registered.userId, waiting.userId]));
  expect(unlockRows.map((row) => row.userId)).toEqual([registered.userId]);
  expect(await isUnlockLinkUsable(liveUnlock.link.split("/unlock/")[1]!, at(DAY + MINUTE))).toBe(true);
  const tokens = await db
    .select()
    .from(onboardingTokens)
    .where(inArray(onboardingTokens.userId, [registered.userId, waiting.userId]));
  expect(tokens.map((t) => t.userId)).toEqual([waiting.userId]);
  expect(await db.select().from(onboardingSessions).where(eq(onboardingSessions.userId, registered.userId))).toEqual(
    [],
  );
  expect(await isStartingGuideUsable(tokenOf(waiting.link), at(RETENTION_MS.onboarding + MINUTE))).toBe(true);

  expect(await db.select().from(emailOutbox).where(eq(emailOutbox.id, emailId))).toHaveLength(1);
  await purgeExpiredRows(at(RETENTION_MS.sentEmails + MINUTE));
  expect(await db.select().from(emailOutbox).where(eq(emailOutbox.id, emailId))).toEqual([]);
});

test("second-factor steps go a day after they expired; authenticator setups never turned on go too", async () => {
  const db = await getDb();
  const { userId } = await onboardedUser();
  const pending = await userWithAuthenticatorApp(START);
  const abandoned = await onboardedUser();
  await beginTotpSetup(abandoned.userId, testContext(START));
  const old = await beginSecondFactor(userId, testContext(START));
  const live = await beginSecondFactor(userId, testContext(at(DAY)));
  const oldChallenge = (await passkeyRegistrationOptions(userId, START))!.challenge;
  const liveChallenge = (await passkeyRegistrationOptions(userId, at(DAY)))!.challenge;

  const purged = await purgeExpiredRows(at(DAY + 16 * MINUTE));
  expect(purged.pendingSignIns).toBeGreaterThanOrEqual(1);
  const signIns = await db.select().from(pendingSignIns).where(eq(pendingSignIns.userId, userId));
  expect(signIns.map((row) => row.tokenHash)).toEqual([hashToken(live.token)]);
  expect(old.token).not.toBe(live.token);
  const challenges = await db.select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, userId));
  expect(challenges.map((row) => row.challengeHash)).toEqual([hashToken(liveChallenge)]);
  expect(oldChallenge).not.toBe(liveChallenge);
  const apps = await db
    .select({ userId: authenticatorApps.userId })
    .from(authenticatorApps)
    .where(inArray(authenticatorApps.userId, [pending.userId, abandoned.userId]));
  expect(apps).toEqual([{ userId: pending.userId }]);
});
