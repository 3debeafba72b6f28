import { cookies } from "next/headers";
import { env } from "@/env";
import { isToken } from "@/lib/crypto";
import { PENDING_SIGN_IN_MINUTES } from "./policy";

/**
 * The browser's half of a pending sign-in (./pending-sign-in.ts): the token in an httpOnly
 * cookie for the sign-in pages only, living as long as the state it points to. Another browser
 * without it cannot take over a sign-in whose matrix step someone else passed.
 */
const NAME = "login_second_factor";

const options = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env.APP_URL.startsWith("https:"),
  path: "/login",
  maxAge: PENDING_SIGN_IN_MINUTES * 60,
});

export async function rememberPendingSignIn(token: string): Promise<void> {
  (await cookies()).set(NAME, token, options());
}

export async function pendingSignInToken(): Promise<string | null> {
  const value = (await cookies()).get(NAME)?.value;
  return isToken(value) ? value : null;
}

export async function forgetPendingSignIn(): Promise<void> {
  (await cookies()).delete({ name: NAME, path: "/login" });
}
