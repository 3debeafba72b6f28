import { createFormatter } from "next-intl";
import { dateTimeWithSecondsAndZone, dateTimeWithZone } from "@/lib/i18n/date-time";
import { timeZoneName } from "@/lib/i18n/time-zone";

// 20:46 UTC on 1 December is 05:46 on 2 December in Tokyo: the case an outside review saw
// shown as a bare "Dec 2, 5:46 AM" to a browser in another zone.
const instant = new Date("2026-12-01T20:46:30Z");
const format = (locale: "en" | "ja", timeZone: string, options = dateTimeWithZone) =>
  createFormatter({ locale, timeZone }).dateTime(instant, options);

test.each([
  ["en", "Asia/Tokyo", "Dec 2, 2026, 5:46 AM GMT+9"],
  ["ja", "Asia/Tokyo", "2026年12月2日 5:46 JST"],
  ["en", "UTC", "Dec 1, 2026, 8:46 PM UTC"],
  ["en", "America/New_York", "Dec 1, 2026, 3:46 PM EST"],
] as const)("a time shown in %s for %s names its zone", (locale, timeZone, expected) => {
  expect(format(locale, timeZone).replace(/\s/g, " ")).toBe(expected);
});

test("the audit log's format adds seconds and keeps the zone", () => {
  expect(format("en", "Asia/Tokyo", dateTimeWithSecondsAndZone).replace(/\s/g, " ")).toBe(
    "Dec 2, 2026, 5:46:30 AM GMT+9",
  );
  expect(format("ja", "Asia/Tokyo", dateTimeWithSecondsAndZone)).toBe("2026年12月2日 5:46:30 JST");
});

test.each([
  ["ja", "Asia/Tokyo", "日本標準時（JST）"],
  ["en", "Asia/Tokyo", "Japan Standard Time (GMT+9)"],
  ["en", "UTC", "Coordinated Universal Time (UTC)"],
] as const)("a zone named in %s for %s reads %s, not its IANA id", (locale, timeZone, expected) => {
  expect(timeZoneName(timeZone, locale, instant)).toBe(expected);
});
