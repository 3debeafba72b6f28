/**
 * Locale settings shared by the request config, the language switcher and tests.
 * Pure: no Next.js or next-intl imports, so it can be unit tested and used anywhere.
 */

export const locales = ["en", "ja"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Name of the cookie that remembers an explicit language choice. */
export const localeCookieName = "locale";
/** One year, in seconds. */
export const localeCookieMaxAge = 60 * 60 * 24 * 365;

/**
 * Time zone used when formatting dates and times for display. The portal's customers are in
 * Japan; stored times stay in UTC.
 */
export const displayTimeZone = "Asia/Tokyo";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * Parses an Accept-Language header into language tags ordered by preference (highest q first,
 * header order kept for equal q). Entries with q=0 or malformed q values are dropped.
 */
function preferredLanguages(header: string): string[] {
  const entries: { tag: string; q: number; index: number }[] = [];
  header.split(",").forEach((part, index) => {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = rawTag?.trim().toLowerCase();
    if (!tag) return;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key?.trim().toLowerCase() === "q") {
        q = value !== undefined && /^\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/.test(value) ? Number(value) : 0;
      }
    }
    if (q > 0) entries.push({ tag, q, index });
  });
  entries.sort((a, b) => b.q - a.q || a.index - b.index);
  return entries.map((e) => e.tag);
}

/**
 * Chooses the display language: an explicit, supported `locale` cookie wins; otherwise the
 * first supported language in Accept-Language (matching on the primary subtag, so "ja-JP"
 * means "ja"); otherwise the default.
 */
export function pickLocale(
  cookieValue: string | null | undefined,
  acceptLanguageHeader: string | null | undefined,
): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  if (acceptLanguageHeader) {
    for (const tag of preferredLanguages(acceptLanguageHeader)) {
      if (tag === "*") return defaultLocale;
      const primary = tag.split("-")[0];
      if (isLocale(primary)) return primary;
    }
  }
  return defaultLocale;
}
