/**
 * Calendar days in a time zone, for filters and per-day counts that follow the operator's zone
 * rather than the server's. Pure Intl arithmetic, daylight saving included.
 */

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in the time zone. */
export function startOfDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  let instant = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  // Once more, in case the offset differs on the day itself (daylight saving).
  instant = midnightUtc - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the time zone. */
export function dayOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}

/** The day after a calendar day. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Whether this runtime knows the zone: a stored name it does not know must not break a page. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * A zone as a reader names it, "日本標準時（JST）" or "Japan Standard Time (GMT+9)", rather than
 * its IANA id: operators read "Asia/Tokyo" as configuration, not as a time.
 */
export function timeZoneName(timeZone: string, locale: string, at: Date = new Date()): string {
  const name = (style: "long" | "short") =>
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  const [long, short] = [name("long"), name("short")];
  if (long === short) return long;
  return locale === "ja" ? `${long}（${short}）` : `${long} (${short})`;
}
