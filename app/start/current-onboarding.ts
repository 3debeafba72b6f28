import { connection } from "next/server";
import { loadOnboarding, readOnboardingCookie } from "@/lib/onboarding";
import { now } from "@/lib/platform/clock";

/** The onboarding of this browser's cookie, or undefined when there is none or it has ended. */
export async function currentOnboarding() {
  await connection();
  const sessionId = await readOnboardingCookie();
  return sessionId ? await loadOnboarding(sessionId, now()) : undefined;
}
