/**
 * How pages show an instant: date, time and the zone's short name ("Dec 2, 2026, 5:46 AM GMT+9",
 * "2026年12月2日 5:46 JST"). Pages render on the server in the user's stored zone (Asia/Tokyo
 * unless set), which a browser elsewhere cannot guess, so the zone is always named. Pure
 * Intl options, for next-intl's format.dateTime (dateStyle/timeStyle cannot be combined with
 * timeZoneName, hence the separate fields).
 */
export const dateTimeWithZone = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions;

/** The same with seconds, for the audit log and the development mailbox. */
export const dateTimeWithSecondsAndZone = {
  ...dateTimeWithZone,
  second: "2-digit",
} as const satisfies Intl.DateTimeFormatOptions;
