import { headers } from "next/headers";
import { env } from "@/env";
import { now } from "@/lib/clock";

/** Who is asking and when: passed to every domain verb that audits or rate-limits. */
export type RequestContext = { ip: string | null; userAgent: string | null; now: Date };

export function systemContext(at = now()): RequestContext {
  return { ip: null, userAgent: "cli", now: at };
}

/**
 * The client's address from X-Forwarded-For. A client can send that header itself, so only the
 * entry added by our own nearest proxy is believed: TRUSTED_PROXY_HOPS counts from the right.
 */
export function clientIp(list: Pick<Headers, "get">): string | null {
  const entries = (list.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const ip = entries[Math.max(0, entries.length - env.TRUSTED_PROXY_HOPS)] ?? list.get("x-real-ip");
  return ip ? ip.slice(0, 64) : null;
}

/** The context of the current request (server components, actions, route handlers). */
export async function requestContext(): Promise<RequestContext> {
  const list = await headers();
  return {
    ip: clientIp(list),
    userAgent: list.get("user-agent"),
    now: now(),
  };
}
