import { randomBytes } from "node:crypto";
import { getDb, transaction, type Executor } from "@/db/client";
import {
  acceptAuthenticatorStep,
  confirmAuthenticatorApp,
  deleteAuthenticatorApp,
  findAuthenticatorApp,
  lockSecondFactorOwner,
  storePendingAuthenticatorApp,
} from "@/db/queries/second-factor";
import { findUserById } from "@/db/queries/users";
import { isUuid } from "@/db/ids";
import { recordAudit } from "@/lib/audit";
import { configuredKeyring, openJson, SealError, sealJson, type Keyring, type SealKey } from "@/lib/crypto";
import type { RequestContext } from "@/lib/http/request-context";
import { tellOwner, withOwnerEmail } from "./notify";
import { minutesAfter, SERVICE_NAME, TOTP_SETUP_MINUTES } from "./policy";
import { forgetRecoveryCodesIfLastMethod, recoveryCodesForNewMethod } from "./recovery-codes";
import {
  generateTotpSecret,
  matchingTotpStep,
  normalizeTotpCode,
  otpauthUri,
  qrCodeDataUrl,
  totpSecretFromText,
  totpSecretText,
} from "./totp";

/** The authenticator app (TOTP): set up, turned on by a first code, checked at sign-in, turned off. */

// Sealed bound to the user, like the pattern: a secret copied to another user's row will not open.
const secretContext = (userId: string) => `totp-secret:${userId}`;

export function sealSecret(secret: Uint8Array, userId: string, key: SealKey): string {
  return sealJson(totpSecretText(secret), secretContext(userId), key);
}

export function openSecret(sealed: string, userId: string, keys: Keyring["all"] = configuredKeyring().all): Uint8Array {
  const text = openJson(sealed, secretContext(userId), keys);
  if (typeof text !== "string") throw new SealError("unexpected-content");
  return totpSecretFromText(text);
}

export type TotpSetup = { secret: string; uri: string; qrCodeDataUrl: string };
export type TotpSetupResult = { ok: true; setup: TotpSetup } | { ok: false; error: "not-found" | "already-on" };

/**
 * Starts setting up an authenticator app: a new secret, stored sealed but not yet active, and
 * what the page shows (the key as text, the otpauth:// URI and its QR code). A setup started
 * earlier and never confirmed is replaced; an app already on is left alone.
 */
export async function beginTotpSetup(userId: string, context: RequestContext): Promise<TotpSetupResult> {
  if (!isUuid(userId)) return { ok: false, error: "not-found" };
  const db = await getDb();
  const user = await findUserById(db, userId);
  if (!user) return { ok: false, error: "not-found" };
  const secret = generateTotpSecret(randomBytes);
  const keyring = configuredKeyring();
  const sealedSecret = sealSecret(secret, userId, keyring.current);
  const stored = await storePendingAuthenticatorApp(db, {
    userId,
    sealedSecret,
    keyId: keyring.current.id,
    now: context.now,
  });
  if (!stored) return { ok: false, error: "already-on" };
  return { ok: true, setup: await setupShown(user.email, secret) };
}

async function setupShown(email: string, secret: Uint8Array): Promise<TotpSetup> {
  const uri = otpauthUri(SERVICE_NAME, email, secret);
  return { secret: totpSecretText(secret), uri, qrCodeDataUrl: await qrCodeDataUrl(uri) };
}

/**
 * The setup begun and not yet confirmed, as its page shows it (to its owner only), or null when
 * there is none or it has expired. Reading it changes nothing: the page can be reloaded.
 */
export async function pendingTotpSetup(userId: string, now: Date): Promise<TotpSetup | null> {
  if (!isUuid(userId)) return null;
  const db = await getDb();
  const [pending, user] = await Promise.all([findAuthenticatorApp(db, userId), findUserById(db, userId)]);
  if (!pending || !user || pending.confirmedAt !== null) return null;
  if (pending.createdAt <= minutesAfter(now, -TOTP_SETUP_MINUTES)) return null;
  return setupShown(user.email, openSecret(pending.sealedSecret, userId));
}

/**
 * Stores an app already turned on with a known key, in the caller's transaction: the demo
 * accounts' (README), whose codes the development mailbox shows. Never for a real account.
 */
export async function storeKnownAuthenticatorApp(tx: Executor, userId: string, secret: Uint8Array, now: Date) {
  const keyring = configuredKeyring();
  const sealedSecret = sealSecret(secret, userId, keyring.current);
  await storePendingAuthenticatorApp(tx, { userId, sealedSecret, keyId: keyring.current.id, now });
  await confirmAuthenticatorApp(tx, { userId, sealedSecret, step: 0, setupSince: new Date(0), now });
}

export type ConfirmTotpResult =
  { ok: true; recoveryCodes: string[] | null } | { ok: false; error: "no-setup" | "wrong-code" };

/**
 * Turns the pending app on with one valid code (whose step then counts as used). When the user
 * had no recovery codes yet, their first batch is made here and returned, to be shown once.
 */
export async function confirmTotp(userId: string, code: unknown, context: RequestContext): Promise<ConfirmTotpResult> {
  const typed = normalizeTotpCode(code);
  if (!isUuid(userId)) return { ok: false, error: "no-setup" };
  const pending = await findAuthenticatorApp(await getDb(), userId);
  const setupSince = minutesAfter(context.now, -TOTP_SETUP_MINUTES);
  if (!pending || pending.confirmedAt !== null || pending.createdAt <= setupSince)
    return { ok: false, error: "no-setup" };
  const step = typed === null ? null : matchingTotpStep(openSecret(pending.sealedSecret, userId), typed, context.now);
  if (step === null) return { ok: false, error: "wrong-code" };
  const confirm = () =>
    transaction(async (tx): Promise<ConfirmTotpResult> => {
      const owner = await lockSecondFactorOwner(tx, userId);
      if (!owner) return { ok: false, error: "no-setup" };
      const values = { userId, sealedSecret: pending.sealedSecret, step, setupSince, now: context.now };
      if (!(await confirmAuthenticatorApp(tx, values))) return { ok: false, error: "no-setup" };
      const recoveryCodes = await recoveryCodesForNewMethod(tx, userId, context.now);
      await recordAudit(
        { event: "second_factor.authenticator_app_enabled", actorId: userId, subjectId: userId, outcome: "success" },
        context,
        tx,
      );
      await tellOwner(tx, owner, "authenticatorAppOn", context);
      return { ok: true, recoveryCodes };
    });
  return withOwnerEmail(confirm, (result) => result.ok);
}

/**
 * Checks a code from the user's app (turned on) at `now`: a code for the current step or one
 * either side is accepted, once. The step is taken by one UPDATE … WHERE last_accepted_step <
 * step, so a second use of the same code, even a concurrent one, is refused, and so is any
 * code older than the last one accepted. A secret no configured key opens throws (SealError):
 * that is the portal's fault, not a wrong code to count against the user.
 */
export async function verifyTotp(userId: string, code: unknown, now: Date): Promise<boolean> {
  const typed = normalizeTotpCode(code);
  if (!isUuid(userId) || typed === null) return false;
  const db = await getDb();
  const app = await findAuthenticatorApp(db, userId);
  if (!app || app.confirmedAt === null) return false;
  const step = matchingTotpStep(openSecret(app.sealedSecret, userId), typed, now);
  return step !== null && acceptAuthenticatorStep(db, userId, step);
}

/** Turns the app off (or drops a pending setup). True when an app that was on went. */
export async function disableTotp(userId: string, context: RequestContext): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const disable = () =>
    transaction(async (tx) => {
      const owner = await lockSecondFactorOwner(tx, userId);
      if (!owner || !(await deleteAuthenticatorApp(tx, userId))) return false;
      await forgetRecoveryCodesIfLastMethod(tx, userId);
      await recordAudit(
        { event: "second_factor.authenticator_app_disabled", actorId: userId, subjectId: userId, outcome: "info" },
        context,
        tx,
      );
      await tellOwner(tx, owner, "authenticatorAppOff", context);
      return true;
    });
  return withOwnerEmail(disable, (disabled) => disabled);
}
