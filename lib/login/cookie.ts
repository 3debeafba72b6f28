import { cookies } from "next/headers";
import { env } from "@/env";
import { safeReturnPath } from "@/lib/sessions/return-path";
import { isToken } from "@/lib/crypto";

/** The pending challenge id, the email it was issued for and the return path, httpOnly. */
const CHALLENGE = "login_challenge";
const EMAIL = "login_email";
const RETURN_TO = "login_next";
const MAX_AGE = 5 * 60;

const options = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env.APP_URL.startsWith("https:"),
  path: "/login",
  maxAge: MAX_AGE,
});

export async function rememberChallenge(challengeId: string, email: string, returnTo: string | null): Promise<void> {
  const jar = await cookies();
  jar.set(CHALLENGE, challengeId, options());
  jar.set(EMAIL, email, options());
  if (returnTo) jar.set(RETURN_TO, returnTo, options());
  else jar.delete({ name: RETURN_TO, path: "/login" });
}

export async function pendingLogin(): Promise<{
  challengeId: string | null;
  email: string | null;
  returnTo: string | null;
}> {
  const jar = await cookies();
  const challengeId = jar.get(CHALLENGE)?.value ?? null;
  return {
    challengeId: isToken(challengeId) ? challengeId : null,
    email: jar.get(EMAIL)?.value ?? null,
    returnTo: safeReturnPath(jar.get(RETURN_TO)?.value),
  };
}

export async function forgetLogin(): Promise<void> {
  const jar = await cookies();
  for (const name of [CHALLENGE, EMAIL, RETURN_TO]) jar.delete({ name, path: "/login" });
}

/** The practice grid after a new matrix password (lib/login/practice.ts), for the page that shows it. */
const PRACTICE = "practice_challenge";
const practiceOptions = () => ({ ...options(), path: "/start" });

export async function rememberPractice(challengeId: string): Promise<void> {
  (await cookies()).set(PRACTICE, challengeId, practiceOptions());
}

export async function pendingPractice(): Promise<string | null> {
  const value = (await cookies()).get(PRACTICE)?.value ?? null;
  return isToken(value) ? value : null;
}

export async function forgetPractice(): Promise<void> {
  (await cookies()).delete({ name: PRACTICE, path: "/start" });
}
