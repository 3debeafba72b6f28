import { request, type APIRequestContext, type APIResponse } from "@playwright/test";
import { randomBytes } from "node:crypto";

/**
 * An address from the IPv6 documentation range that no other request uses, in a /64 of its own:
 * per-address rate limits count a whole IPv6 /64 as one client (lib/http/ip-bucket.ts).
 */
export const uniqueIp = () => `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::1`;

/**
 * A client with its own cookie jar behind its own address (X-Forwarded-For), as a separate
 * visitor would be: per-IP limits and cookies never carry over between clients.
 */
export async function newClient(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": uniqueIp(), Origin: baseURL } });
}

/**
 * Posts a form as a browser without JavaScript does (multipart, no redirects followed), from a
 * fresh address so that per-IP limits stay out of the way.
 */
export function postForm(
  client: APIRequestContext,
  path: string,
  fields: Record<string, string>,
): Promise<APIResponse> {
  return client.post(path, { multipart: fields, maxRedirects: 0, headers: { "X-Forwarded-For": uniqueIp() } });
}

/** Runs one request and measures it in milliseconds. */
export async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await call();
  return { result, ms: performance.now() - started };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Set-Cookie as names and attributes, values removed: what must not differ between accounts. */
export function cookieShapes(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .map((header) => header.value.replace(/^([^=]+)=[^;]*/, "$1=…").replace(/(Expires|Max-Age)=[^;]*/gi, "$1=…"))
    .sort();
}

/** What a client can see of a form post's answer, values of per-request cookies removed. */
export async function responseShape(response: APIResponse): Promise<string> {
  const headers = response.headers();
  return JSON.stringify({
    status: response.status(),
    location: headers["location"],
    cookies: cookieShapes(response),
    body: await response.text(),
  });
}

/**
 * A page's HTML with what legitimately changes per request removed: the challenge digits,
 * CSP nonces, React's per-render ids and streamed payload, the typed address, and times shown to the minute.
 */
export function comparableHtml(html: string, typedAddress?: string): string {
  const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
  // Scripts carry React's streamed copy of the same page, whose rows arrive in whatever order
  // the server finished them: compare the rendered markup, which is what anyone sees.
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script/>");
  let text = (nonce ? markup.split(nonce).join("NONCE") : markup)
    .replace(/(<td\b[^>]*>\s*<span\b[^>]*>)\d(<\/span>)/g, "$1#$2")
    .replace(/"children\\":\\"\d\\"/g, "children:#")
    .replace(/_R_[A-Za-z0-9_]+_/g, "_R_…_")
    .replace(/\b\d{1,2}:\d{2}\b/g, "HH:MM");
  if (typedAddress)
    text = text.split(typedAddress).join("ADDRESS").split(encodeURIComponent(typedAddress)).join("ADDRESS");
  return text;
}
