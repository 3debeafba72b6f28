import { cookies } from "next/headers";
import { env } from "@/env";
import { isToken } from "@/lib/crypto";
import { challengeCookiePath, type ReauthScope } from "./policy";

/**
 * The pending re-authentication challenge: one httpOnly cookie name, scoped by path to the area
 * whose page shows it (/account or /admin), so an operator's two areas never answer each other's.
 */
const NAME = "reauth_challenge";
const MAX_AGE = 5 * 60;

const options = (scope: ReauthScope) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env.APP_URL.startsWith("https:"),
  path: challengeCookiePath(scope),
  maxAge: MAX_AGE,
});

export async function rememberChallenge(scope: ReauthScope, challengeId: string): Promise<void> {
  (await cookies()).set(NAME, challengeId, options(scope));
}

export async function pendingChallengeId(): Promise<string | null> {
  const value = (await cookies()).get(NAME)?.value;
  return value && isToken(value) ? value : null;
}

export async function forgetChallenge(scope: ReauthScope): Promise<void> {
  (await cookies()).delete({ name: NAME, path: challengeCookiePath(scope) });
}
