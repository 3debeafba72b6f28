import { randomBytes } from "node:crypto";
import { countChallenge } from "@/lib/metrics";
import { getDb, transaction } from "@/db/client";
import {
  deletePendingSignInChallengesFrom,
  findPendingChallenge,
  findSignInAccountByEmail,
  insertChallenge,
  voidChallenge,
} from "@/db/queries/login";
import type { ChallengePurpose } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { normalizeText } from "@/lib/identity";
import { generateToken, hashToken, isToken } from "@/lib/crypto";
import { generateChallengeDigits } from "@/lib/matrix";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import type { RequestContext } from "@/lib/http/request-context";
import { CHALLENGE_MINUTES } from "./policy";

const MAX_EMAIL_INPUT = 1024;

function emailForLookup(email: unknown): string {
  if (typeof email !== "string" || email.length > MAX_EMAIL_INPUT) return "";
  return normalizeText(email);
}

/**
 * The /login email entry: always creates a challenge and returns its id (for an httpOnly
 * cookie). The challenge is bound to the account only when it is active and has a matrix
 * password (even if currently locked: the lock may end before the challenge does, and the
 * answer step decides). Unknown, invited and disabled accounts, and any entry over the per-IP
 * limit, get an unbound decoy that looks the same. Every path runs the same queries.
 * Pass the id of the challenge this entry replaces to void it.
 */
export async function issueChallenge(
  email: string,
  context: RequestContext,
  previousChallengeId?: string | null,
): Promise<{ challengeId: string }> {
  const db = await getDb();
  const [withinLimit, account] = await Promise.all([
    consumeRateLimit(RATE_LIMITS.loginEmailPerIp, context.ip, context.now),
    findSignInAccountByEmail(db, emailForLookup(email)),
  ]);
  const bound = withinLimit && account !== undefined && account.status === "active" && account.hasCredential;

  const challengeId = generateToken();
  countChallenge();
  const digits = generateChallengeDigits(randomBytes);
  const expiresAt = new Date(context.now.getTime() + CHALLENGE_MINUTES * 60_000);
  const challenge = {
    idHash: hashToken(challengeId),
    userId: bound ? account.id : null,
    digits,
    ip: context.ip,
    createdAt: context.now,
    expiresAt,
  };
  // Replacing a pending challenge is two statements and needs a transaction; a first one is one
  // INSERT (which path runs depends on the visitor's own cookie and address, never on the account).
  const replacing = isToken(previousChallengeId);
  if (replacing || !withinLimit) {
    await transaction(async (tx) => {
      if (replacing) await voidChallenge(tx, hashToken(previousChallengeId), context.now);
      // Over the per-IP limit every entry still gets a grid, but must not add a row each: the
      // address keeps only its newest pending challenge. Bound and decoy ones go alike, or which
      // survived would tell a known account from an unknown one; someone sharing the flooding
      // address may have to enter their email again.
      if (!withinLimit) await deletePendingSignInChallengesFrom(tx, context.ip, context.now);
      await insertChallenge(tx, challenge);
    });
  } else {
    await insertChallenge(db, challenge);
  }
  if (!withinLimit) {
    await recordAudit({ event: "login.rate_limited", outcome: "failure", details: { step: "email" } }, context);
  }
  return { challengeId };
}

/**
 * A challenge bound to a known user, never a sign-in: "reauthenticate" for a signed-in user to
 * prove again who they are before a sensitive change, "practice" for the grid shown right after a
 * new matrix password.
 */
export async function issueUserChallenge(
  userId: string,
  purpose: Exclude<ChallengePurpose, "sign_in">,
  context: RequestContext,
): Promise<{ challengeId: string }> {
  const challengeId = generateToken();
  await transaction((tx) =>
    insertChallenge(tx, {
      idHash: hashToken(challengeId),
      userId,
      purpose,
      digits: generateChallengeDigits(randomBytes),
      ip: context.ip,
      createdAt: context.now,
      expiresAt: new Date(context.now.getTime() + CHALLENGE_MINUTES * 60_000),
    }),
  );
  return { challengeId };
}

/**
 * The pending challenge behind a cookie, for drawing its grid: the digits in cell order (see
 * lib/matrix) and when it expires. Reading changes nothing, so a reload shows the same grid.
 * Null when the id is unknown, answered or expired.
 */
export async function loadPendingChallenge(
  challengeId: string,
  now: Date,
  purpose: ChallengePurpose = "sign_in",
): Promise<{ digits: string; expiresAt: Date } | null> {
  if (!isToken(challengeId)) return null;
  const row = await findPendingChallenge(await getDb(), hashToken(challengeId), now, purpose);
  return row ? { digits: row.digits, expiresAt: row.expiresAt } : null;
}
