import { headers } from "next/headers";
import { now } from "@/lib/clock";

/** Who is asking and when: passed to every domain verb that audits or rate-limits. */
export type RequestContext = { ip: string | null; userAgent: string | null; now: Date };

export function systemContext(at = now()): RequestContext {
  return { ip: null, userAgent: "cli", now: at };
}

/** The context of the current request (server components, actions, route handlers). */
export async function requestContext(): Promise<RequestContext> {
  const list = await headers();
  const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || list.get("x-real-ip") || null,
    userAgent: list.get("user-agent"),
    now: now(),
  };
}
