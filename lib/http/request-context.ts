import { headers } from "next/headers";
import { env } from "@/env";
import { now } from "@/lib/platform/clock";
import { peerAddress } from "@/lib/http/peer-address";

/** Who is asking and when: passed to every domain verb that audits or rate-limits. */
export type RequestContext = { ip: string | null; userAgent: string | null; now: Date };

export function systemContext(at = now()): RequestContext {
  return { ip: null, userAgent: "cli", now: at };
}

/**
 * The client's address. With TRUSTED_PROXY_HOPS=0 (no proxy in front) it is the TCP peer's
 * address (lib/http/peer-address.ts). Behind proxies it is taken from X-Forwarded-For, which a client
 * can also send itself, so only the entry added by our own nearest proxy is believed:
 * TRUSTED_PROXY_HOPS counts from the right. X-Real-IP is never read: any client can set it.
 */
export function clientIp(list: Pick<Headers, "get">, hops = env.TRUSTED_PROXY_HOPS): string | null {
  const entries =
    hops === 0
      ? []
      : (list.get("x-forwarded-for") ?? "")
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean);
  const ip = entries[Math.max(0, entries.length - hops)] ?? peerAddress(list);
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
