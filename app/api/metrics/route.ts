import { timingSafeEqual } from "node:crypto";
import { env } from "@/env";
import { metricsExposition } from "@/lib/metrics";

const sameToken = (presented: string, expected: string) => {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Prometheus scrapes this with `Authorization: Bearer $METRICS_TOKEN`; without the setting it does not exist. */
export async function GET(request: Request) {
  if (!env.METRICS_TOKEN) return new Response("Not found", { status: 404 });
  const presented = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameToken(presented, env.METRICS_TOKEN))
    return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  const { body, contentType } = await metricsExposition();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
