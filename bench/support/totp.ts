import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";

/** The last 30-second step each bench user's code was made for: the portal accepts a step once. */
const lastStep = new Map<string, number>();

/**
 * The code an authenticator app would show for the user's next unused step: now's, or the next
 * one (the portal accepts one step either side) when now's was already used. A user signing in a
 * third time within one step means the pool of users is too small for the load: that throws.
 */
export function nextTotpCode(email: string, secret: string, at = Date.now()): string {
  const current = Math.floor(at / 30_000);
  const step = Math.max(current, (lastStep.get(email) ?? -Infinity) + 1);
  if (step > current + 1) throw new Error(`TOTP users exhausted: ${email} signed in twice in this 30-second step`);
  lastStep.set(email, step);
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6);
}
