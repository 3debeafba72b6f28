import { countHit } from "@/db/queries/rate-limits";
import { hashToken } from "@/lib/crypto";

export type RateLimit = { name: string; limit: number; windowSeconds: number };

/** Limits, per subject (an IP or an email address), per fixed window. */
export const RATE_LIMITS = {
  resendPerIp: { name: "resend-ip", limit: 10, windowSeconds: 3600 },
  resendPerEmail: { name: "resend-email", limit: 3, windowSeconds: 3600 },
  verifyPerIp: { name: "verify-ip", limit: 30, windowSeconds: 900 },
  loginEmailPerIp: { name: "login-email-ip", limit: 30, windowSeconds: 300 },
  loginAnswerPerIp: { name: "login-answer-ip", limit: 30, windowSeconds: 300 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one attempt and says whether it is within the limit. Subjects are hashed so the
 * table holds no addresses.
 */
export async function consumeRateLimit(limit: RateLimit, subject: string | null, now: Date): Promise<boolean> {
  // Requests whose address is unknown share one bucket rather than escaping the limit.
  const key = hashToken(`${limit.name}:${(subject ?? "unknown").toLowerCase()}`);
  const hits = await countHit(key, limit.windowSeconds, now);
  return hits <= limit.limit;
}
