import { generateHOTP } from "@oslojs/otp";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authenticatorApps, devMailbox, recoveryCodes, users, type Role } from "@/db/schema";
import { beginTotpSetup, confirmTotp } from "@/lib/second-factor";
import { totpSecretFromText, totpStep } from "@/lib/second-factor/totp";
import { testContext } from "./people";
import { answerChallenge, answerSecondFactor, issueChallenge } from "@/lib/login";
import { correctAnswer, loginContext, onboardedUser } from "./sign-in";

/** The code an authenticator app shows at `at`, `steps` steps away from its own step. */
export function totpCode(secret: Uint8Array, at: Date, steps = 0): string {
  return generateHOTP(secret, BigInt(totpStep(at) + steps), 6);
}

/** An onboarded user (customer unless told) whose authenticator app was set up and turned on at `at`. */
export async function userWithAuthenticatorApp(at = new Date(), role: Role = "customer") {
  const { userId, person } = await onboardedUser();
  if (role !== "customer") await (await getDb()).update(users).set({ role }).where(eq(users.id, userId));
  const begun = await beginTotpSetup(userId, testContext(at));
  if (!begun.ok) throw new Error(`setup refused: ${begun.error}`);
  const secret = totpSecretFromText(begun.setup.secret);
  const confirmed = await confirmTotp(userId, totpCode(secret, at), testContext(at));
  if (!confirmed.ok || !confirmed.recoveryCodes) throw new Error("confirm refused");
  return { userId, person, secret, setup: begun.setup, recoveryCodes: confirmed.recoveryCodes };
}

export async function authenticatorAppRow(userId: string) {
  const [row] = await (await getDb()).select().from(authenticatorApps).where(eq(authenticatorApps.userId, userId));
  return row;
}

export async function recoveryCodeRows(userId: string) {
  return (await getDb()).select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Subjects of the emails captured for an address (the outbox transport of tests), oldest first. */
export async function emailSubjects(to: string): Promise<string[]> {
  const rows = await (
    await getDb()
  )
    .select({ subject: devMailbox.subject })
    .from(devMailbox)
    .where(eq(devMailbox.toAddress, to))
    .orderBy(asc(devMailbox.createdAt), asc(devMailbox.id));
  return rows.map((row) => row.subject);
}

/** Signs in through both steps, the second with the app's code for the next step (the current one went to the setup). */
export async function signedInWithApp(email: string, secret: Uint8Array, at = new Date()) {
  const context = loginContext(at);
  const { challengeId } = await issueChallenge(email, context);
  const first = await answerChallenge(challengeId, await correctAnswer(challengeId, undefined, at), context);
  if (first.ok || !first.secondFactor) throw new Error("expected a second step");
  const code = totpCode(secret, at, 1);
  const done = await answerSecondFactor(first.secondFactor.token, { method: "totp", code }, context);
  if (!done.ok) throw new Error("second step failed");
  return done.user;
}
