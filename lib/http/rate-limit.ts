import { getDb } from "@/db/client";
import { countHit } from "@/db/queries/rate-limits";
import { hashToken } from "@/lib/crypto";
import { ipBucket } from "@/lib/http/ip-bucket";

/** `per` says what the subject is: a client address (counted by ipBucket) or an email address. */
export type RateLimit = { name: string; per: "address" | "email"; limit: number; windowSeconds: number };

/** Limits, per subject (an IP or an email address), per fixed window. */
export const RATE_LIMITS = {
  resendPerIp: { per: "address", name: "resend-ip", limit: 10, windowSeconds: 3600 },
  resendPerEmail: { per: "email", name: "resend-email", limit: 3, windowSeconds: 3600 },
  verifyPerIp: { per: "address", name: "verify-ip", limit: 30, windowSeconds: 900 },
  loginEmailPerIp: { per: "address", name: "login-email-ip", limit: 30, windowSeconds: 300 },
  loginAnswerPerIp: { per: "address", name: "login-answer-ip", limit: 30, windowSeconds: 300 },
  /** The OpenID Connect token and revocation endpoints: applications' servers, a few calls per sign-in. */
  oidcTokenPerIp: { per: "address", name: "oidc-token-ip", limit: 120, windowSeconds: 300 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one attempt and says whether it is within the limit. Subjects are hashed so the
 * table holds no addresses.
 */
export async function consumeRateLimit(limit: RateLimit, subject: string | null, now: Date): Promise<boolean> {
  // Requests whose address is unknown share one bucket rather than escaping the limit.
  const bucket = subject === null ? "unknown" : limit.per === "address" ? ipBucket(subject) : subject.toLowerCase();
  const key = hashToken(`${limit.name}:${bucket}`);
  const hits = await countHit(await getDb(), key, limit.windowSeconds, now);
  return hits <= limit.limit;
}
