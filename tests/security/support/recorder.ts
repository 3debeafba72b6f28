import type { BrowserContext } from "@playwright/test";

export type Exchange = { url: string; method: string; referer: string | null; status: number; body: string };

/**
 * Records every request the browser makes (with its Referer) and every response body it
 * gets, except static build files, which are the same for everyone.
 */
export function recordTraffic(context: BrowserContext): Exchange[] {
  const exchanges: Exchange[] = [];
  context.on("response", async (response) => {
    const request = response.request();
    if (new URL(request.url()).pathname.startsWith("/_next/static/")) return;
    const body = await response.text().catch(() => "");
    exchanges.push({
      url: request.url(),
      method: request.method(),
      referer: (await request.allHeaders())["referer"] ?? null,
      status: response.status(),
      body,
    });
  });
  return exchanges;
}

/** Where in the recorded traffic a secret shows up: URLs, Referer headers and bodies. */
export function leaksOf(
  exchanges: readonly Exchange[],
  secret: string,
  allowed: (exchange: Exchange) => boolean = () => false,
) {
  const found = (text: string | null) => text !== null && contains(text, secret);
  return exchanges
    .filter((exchange) => !allowed(exchange))
    .flatMap((exchange) => [
      ...(found(exchange.url) ? [`URL ${exchange.method} ${exchange.url}`] : []),
      ...(found(exchange.referer) ? [`Referer of ${exchange.url}`] : []),
      ...(found(exchange.body) ? [`body of ${exchange.method} ${exchange.url}`] : []),
    ]);
}

/** Whole-token match: digits are not counted inside longer digit runs, tokens inside longer tokens. */
export function contains(text: string, secret: string): boolean {
  const edge = /^\d+$/.test(secret) ? "\\d" : "[A-Za-z0-9_-]";
  return new RegExp(`(?<!${edge})${secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!${edge})`).test(text);
}
