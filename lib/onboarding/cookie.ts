import { cookies } from "next/headers";
import { env } from "@/env";
import { isToken } from "@/lib/crypto";
import { ONBOARDING_SESSION_MINUTES } from "./verify";

const NAME = "onboarding";

/** The onboarding session id lives only in an httpOnly cookie scoped to /start. */
export async function setOnboardingCookie(sessionId: string): Promise<void> {
  (await cookies()).set(NAME, sessionId, {
    httpOnly: true,
    sameSite: "strict",
    secure: env.NODE_ENV === "production" && env.APP_URL.startsWith("https:"),
    path: "/start",
    maxAge: ONBOARDING_SESSION_MINUTES * 60,
  });
}

export async function readOnboardingCookie(): Promise<string | null> {
  const value = (await cookies()).get(NAME)?.value;
  return isToken(value) ? value : null;
}

export async function clearOnboardingCookie(): Promise<void> {
  (await cookies()).delete({ name: NAME, path: "/start" });
}
