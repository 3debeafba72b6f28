import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { getDb, transaction } from "@/db/client";
import { insertPasskey, listUserPasskeys, lockSecondFactorOwner } from "@/db/queries/second-factor";
import { findUserById } from "@/db/queries/users";
import { isUuid } from "@/db/ids";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/http/request-context";
import { now as clockNow } from "@/lib/platform/clock";
import { tellOwner, withOwnerEmail } from "./notify";
import { SERVICE_NAME } from "./policy";
import { recoveryCodesForNewMethod } from "./recovery-codes";
import {
  CEREMONY_TIMEOUT_MS,
  consumesWebauthnChallenge,
  deviceType,
  passkeyName,
  relyingParty,
  rememberWebauthnChallenge,
} from "./webauthn";

/**
 * Adding a passkey (WebAuthn registration) from the dashboard. User verification is preferred,
 * not required: the matrix already stands for "something you know", the passkey for
 * "something you have".
 */

/** What the browser passes to navigator.credentials.create(); null for an unknown user. */
export async function passkeyRegistrationOptions(
  userId: string,
  at: Date = clockNow(),
): Promise<PublicKeyCredentialCreationOptionsJSON | null> {
  if (!isUuid(userId)) return null;
  const db = await getDb();
  const user = await findUserById(db, userId);
  if (!user) return null;
  const existing = await listUserPasskeys(db, userId);
  const options = await generateRegistrationOptions({
    rpName: SERVICE_NAME,
    rpID: relyingParty().rpID,
    userName: user.email,
    userDisplayName: user.name,
    // The user handle: the account's UUID bytes, which say nothing about the person.
    userID: Buffer.from(userId.replaceAll("-", ""), "hex"),
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await rememberWebauthnChallenge(db, { challenge: options.challenge, userId, purpose: "registration", now: at });
  return options;
}

export type PasskeyRegistrationResult =
  | { ok: true; passkeyId: string; recoveryCodes: string[] | null }
  | { ok: false; error: "name-invalid" | "not-verified" | "already-registered" };

/**
 * Checks the browser's answer to the registration options and stores the passkey under the
 * name the user chose. The challenge is consumed by the check, so an answer counts once. When
 * the user had no recovery codes yet, their first batch is made and returned, to be shown once.
 */
export async function verifyPasskeyRegistration(
  userId: string,
  response: unknown,
  name: unknown,
  context: RequestContext,
): Promise<PasskeyRegistrationResult> {
  const chosenName = passkeyName(name);
  if (chosenName === null) return { ok: false, error: "name-invalid" };
  if (!isUuid(userId)) return { ok: false, error: "not-verified" };
  const { rpID, origin } = relyingParty();
  const db = await getDb();
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: consumesWebauthnChallenge(db, userId, "registration", context.now),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch {
    // Malformed, another origin or RP ID, an unknown or used challenge: the library throws.
    return { ok: false, error: "not-verified" };
  }
  if (!verified.verified) return { ok: false, error: "not-verified" };
  const { credential, credentialDeviceType, credentialBackedUp } = verified.registrationInfo;
  const store = () =>
    transaction(async (tx): Promise<PasskeyRegistrationResult> => {
      const owner = await lockSecondFactorOwner(tx, userId);
      if (!owner) return { ok: false, error: "not-verified" };
      const passkeyId = await insertPasskey(tx, {
        userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString("base64url"),
        counter: credential.counter,
        transports: credential.transports ?? [],
        deviceType: deviceType(credentialDeviceType),
        backedUp: credentialBackedUp,
        name: chosenName,
        now: context.now,
      });
      if (!passkeyId) return { ok: false, error: "already-registered" };
      const recoveryCodes = await recoveryCodesForNewMethod(tx, userId, context.now);
      await recordAudit(
        {
          event: "second_factor.passkey_added",
          actorId: userId,
          subjectId: userId,
          outcome: "success",
          details: { passkeyId },
        },
        context,
        tx,
      );
      await tellOwner(tx, owner, "passkeyAdded", context, { passkeyName: chosenName });
      return { ok: true, passkeyId, recoveryCodes };
    });
  return withOwnerEmail(store, (result) => result.ok);
}
