import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { getDb } from "@/db/client";
import { findUserPasskey, listUserPasskeys, recordPasskeyUse } from "@/db/queries/second-factor";
import { isUuid } from "@/db/ids";
import { now as clockNow } from "@/lib/platform/clock";
import {
  CEREMONY_TIMEOUT_MS,
  consumesWebauthnChallenge,
  deviceType,
  relyingParty,
  rememberWebauthnChallenge,
} from "./webauthn";

/** Using a passkey as the second step of sign-in (WebAuthn authentication). */

/** What the browser passes to navigator.credentials.get(), for the user's own passkeys; null when they have none. */
export async function passkeyAuthenticationOptions(
  userId: string,
  at: Date = clockNow(),
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  if (!isUuid(userId)) return null;
  const db = await getDb();
  const existing = await listUserPasskeys(db, userId);
  if (existing.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    userVerification: "preferred",
    timeout: CEREMONY_TIMEOUT_MS,
  });
  await rememberWebauthnChallenge(db, { challenge: options.challenge, userId, purpose: "authentication", now: at });
  return options;
}

/**
 * Checks a passkey assertion for the user: one of their passkeys, signed over a pending
 * challenge of theirs (consumed by the check) on this origin, with a signature counter that
 * moved on if the authenticator keeps one. The counter and backup state are then kept.
 */
export async function verifyPasskeyAuthentication(
  userId: string,
  response: unknown,
  at: Date = clockNow(),
): Promise<boolean> {
  const credentialId = (response as { id?: unknown } | null)?.id;
  if (!isUuid(userId) || typeof credentialId !== "string" || credentialId.length > 1024) return false;
  const db = await getDb();
  const passkey = await findUserPasskey(db, userId, credentialId);
  if (!passkey) return false;
  const { rpID, origin } = relyingParty();
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: consumesWebauthnChallenge(db, userId, "authentication", at),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.credentialId,
        publicKey: Buffer.from(passkey.publicKey, "base64url"),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: false,
    });
    if (!verified) return false;
    await recordPasskeyUse(db, {
      id: passkey.id,
      counter: authenticationInfo.newCounter,
      deviceType: deviceType(authenticationInfo.credentialDeviceType),
      backedUp: authenticationInfo.credentialBackedUp,
      now: at,
    });
    return true;
  } catch {
    return false;
  }
}
