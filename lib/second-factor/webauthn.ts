import { insertWebauthnChallenge, consumeWebauthnChallenge } from "@/db/queries/second-factor";
import type { Executor } from "@/db/client";
import type { WebauthnPurpose } from "@/db/schema";
import { env } from "@/env";
import { hashToken, isToken } from "@/lib/crypto";
import { minutesAfter, WEBAUTHN_CHALLENGE_MINUTES } from "./policy";

/**
 * What every WebAuthn ceremony of the portal shares: who the relying party is, and the
 * server-side challenges. Browsers sign the challenge together with the origin they are on, so
 * a response relayed from a look-alike site names the wrong origin and is refused.
 */

/** The relying party: RP ID is APP_URL's host name (a passkey works there and on its subdomains), origin its origin. */
export function relyingParty(): { rpID: string; origin: string } {
  const url = new URL(env.APP_URL);
  return { rpID: url.hostname, origin: url.origin };
}

/** WebAuthn's credentialDeviceType as the passkeys table stores it. */
export const deviceType = (type: "singleDevice" | "multiDevice") =>
  type === "multiDevice" ? ("multi_device" as const) : ("single_device" as const);

/** How long the browser may take, in the options it gets: the challenge's own lifetime. */
export const CEREMONY_TIMEOUT_MS = WEBAUTHN_CHALLENGE_MINUTES * 60_000;

/** Remembers a challenge the library generated (32 random bytes, base64url): only its hash. */
export async function rememberWebauthnChallenge(
  executor: Executor,
  values: { challenge: string; userId: string; purpose: WebauthnPurpose; now: Date },
): Promise<void> {
  const { challenge, userId, purpose, now } = values;
  await insertWebauthnChallenge(executor, {
    challengeHash: hashToken(challenge),
    userId,
    purpose,
    createdAt: now,
    expiresAt: minutesAfter(now, WEBAUTHN_CHALLENGE_MINUTES),
  });
}

/**
 * The `expectedChallenge` check handed to @simplewebauthn/server: the challenge the browser
 * signed must be pending for this user and purpose, and is consumed by the check, so a
 * response (or a copy of it) is accepted at most once.
 */
export function consumesWebauthnChallenge(
  executor: Executor,
  userId: string,
  purpose: WebauthnPurpose,
  now: Date,
): (challenge: string) => Promise<boolean> {
  return async (challenge) =>
    isToken(challenge) &&
    consumeWebauthnChallenge(executor, { challengeHash: hashToken(challenge), userId, purpose, now });
}

/** A short name the user gave a passkey (1 to 64 characters after NFKC, no control or bidi-override characters), or null. */
export function passkeyName(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 256) return null;
  const name = input.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (name.length === 0 || name.length > 64 || /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(name)) return null;
  return name;
}

/** The largest WebAuthn response (as the browser's JSON) accepted; real ones are a few kilobytes. */
export const MAX_WEBAUTHN_RESPONSE_CHARS = 16_384;

/** A WebAuthn response posted as JSON text: the parsed value, or null for anything else (then it fails verification). */
export function parseWebauthnResponse(text: string): unknown {
  if (text.length > MAX_WEBAUTHN_RESPONSE_CHARS) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
