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

// The portal's look in a few rules, inline: the page must not depend on anything else being up.
const STYLE = [
  "body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f5f7fb;color:#0f172a;font:16px/1.6 system-ui,-apple-system,'Segoe UI','Hiragino Sans','Noto Sans JP',sans-serif}",
  "main{box-sizing:border-box;width:min(34rem,100% - 2rem);margin:1rem;padding:2rem;background:#fff;border:1px solid #dbe1ea;border-radius:1rem;box-shadow:0 1px 3px rgb(15 23 42/.08)}",
  "h1{margin:0 0 .75rem;font-size:1.5rem;line-height:1.3}p{margin:0 0 1.25rem;color:#334155}",
  "a{display:inline-block;padding:.7rem 1.2rem;border-radius:.6rem;background:#1d4ed8;color:#fff;font-weight:700;text-decoration:none}a:focus-visible{outline:3px solid #1d4ed8;outline-offset:3px}",
].join("");

/** Its own CSP: no script at all, and only the inline style above. */
export const UNAVAILABLE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * The "temporarily unavailable" page (HTTP 503), in the visitor's language. Plain HTML with no
 * script, so it needs no nonce and nothing from the database: it is served while the database
 * is unreachable, by the proxy or in place of a failed render (lib/http/outage-response.ts).
 */
export function unavailablePage(headers: {
  cookie?: string | null;
  acceptLanguage?: string | null;
  path?: string;
}): string {
  const locale = pickLocale(cookieValue(headers.cookie, localeCookieName), headers.acceptLanguage);
  const t = (locale === "ja" ? ja : en).Unavailable;
  const again = headers.path && headers.path.startsWith("/") && !headers.path.startsWith("//") ? headers.path : "/";
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escape(t.title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escape(t.title)}</h1><p>${escape(t.body)}</p><p><a href="${escape(again)}">${escape(t.retry)}</a></p></main></body></html>
`;
}

export const unavailableHeaders = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Retry-After": String(RETRY_AFTER_SECONDS),
};
