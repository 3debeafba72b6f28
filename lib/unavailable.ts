import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { localeCookieName, pickLocale } from "@/lib/i18n/config";

/** Seconds a client should wait before trying again while the database is down. */
export const RETRY_AFTER_SECONDS = 5;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function cookieValue(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/**
 * The "temporarily unavailable" page (HTTP 503), in the visitor's language. Plain HTML with no
 * script and no style, so it needs no nonce and nothing from the database: it is served while
 * the database is unreachable, by the proxy or in place of a failed render (lib/outage-response.ts).
 */
export function unavailablePage(headers: { cookie?: string | null; acceptLanguage?: string | null; path?: string }): string {
  const locale = pickLocale(cookieValue(headers.cookie, localeCookieName), headers.acceptLanguage);
  const t = (locale === "ja" ? ja : en).Unavailable;
  const again = headers.path && headers.path.startsWith("/") && !headers.path.startsWith("//") ? headers.path : "/";
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escape(t.title)}</title></head>
<body><main><h1>${escape(t.title)}</h1><p>${escape(t.body)}</p><p><a href="${escape(again)}">${escape(t.retry)}</a></p></main></body></html>
`;
}

export const unavailableHeaders = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Retry-After": String(RETRY_AFTER_SECONDS),
};
