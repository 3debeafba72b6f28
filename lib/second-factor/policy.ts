import type { Role, SecondFactorRequirement } from "@/db/schema";
import { env, type Env } from "@/env";

/** Who must have a second factor: nobody, every operator, or everyone (SECOND_FACTOR_POLICY). */
export type SecondFactorPolicy = Env["SECOND_FACTOR_POLICY"];

/** How long a sign-in that passed the matrix waits for its second factor. */
export const PENDING_SIGN_IN_MINUTES = 5;
/** How long a WebAuthn challenge (adding a passkey, signing in with one) can be answered. */
export const WEBAUTHN_CHALLENGE_MINUTES = 5;
/** How long a new authenticator app's secret waits for the first code that turns it on. */
export const TOTP_SETUP_MINUTES = 15;
/** Recovery codes per generation. */
export const RECOVERY_CODE_COUNT = 10;
/** The name authenticator apps and passkey prompts show for this site. */
export const SERVICE_NAME = "Matrix Portal";

/**
 * Whether the user must have a second factor: an operator's override for this user wins,
 * otherwise the portal's policy applies to their role. Pure (the policy comes in).
 */
export function secondFactorRequired(
  user: { role: Role; secondFactorRequirement: SecondFactorRequirement },
  policy: SecondFactorPolicy = env.SECOND_FACTOR_POLICY,
): boolean {
  if (user.secondFactorRequirement === "required") return true;
  if (user.secondFactorRequirement === "not_required") return false;
  return policy === "everyone" || (policy === "operators" && user.role === "operator");
}

/** Minutes from `now`, as a Date. */
export function minutesAfter(now: Date, minutes: number): Date {
  return new Date(now.getTime() + minutes * 60_000);
}
