import { createFormatter, createTranslator } from "next-intl";
import en from "../messages/en.json";
import ja from "../messages/ja.json";
import { defaultLocale, displayTimeZone, isLocale, type Locale } from "../lib/i18n/config";

/**
 * Localisation for emails, which render outside React's request scope: a translator over the
 * "Emails" namespace of the catalogue and a date formatter, both for the recipient's locale.
 */

const catalogues = { en, ja } as const;

/** Everything about the recipient and the app that is not the template's own data. */
export type EmailEnvelope = {
  /** The recipient's language. */
  locale: Locale;
  /** Absolute base URL of the app, without a trailing slash (links are built from it). */
  appUrl: string;
  /** How to reach the operators, shown in "wasn't you?" advice. */
  supportContact: string;
  /** The business that operates the portal (the sender), named in every email's footer. */
  organization: { name: string; address: string; privacyContact: string };
  /** IANA time zone for times shown in the email; Asia/Tokyo by default. */
  timeZone?: string;
};

/** Every template's props may carry the recipient's IANA time zone (Asia/Tokyo when absent). */
export type RecipientTimeZone = {
  timeZone?: string | null;
};

/**
 * Per-process memo for the pieces every email rebuilds: constructing Intl formatters and
 * translators dominated rendering a batch. Keys are locales and zone names (few); the map is
 * emptied if stray input ever fills it.
 */
function memo<T>(limit = 256): (key: string, make: () => T) => T {
  const entries = new Map<string, T>();
  return (key, make) => {
    let value = entries.get(key);
    if (value === undefined) {
      if (entries.size >= limit) entries.clear();
      value = make();
      entries.set(key, value);
    }
    return value;
  };
}

const knownZones = memo<string>();

/** The zone if the runtime knows it, otherwise the display default. */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return displayTimeZone;
  return knownZones(timeZone, () => {
    try {
      new Intl.DateTimeFormat("en", { timeZone });
      return timeZone;
    } catch {
      return displayTimeZone;
    }
  });
}

function makeTranslator(locale: Locale) {
  // Only this namespace: the translator validates every key it is given.
  return createTranslator({ locale, messages: { Emails: catalogues[locale].Emails }, namespace: "Emails" });
}
const translators = memo<ReturnType<typeof makeTranslator>>();

export function emailTranslator(locale: Locale) {
  const safeLocale = isLocale(locale) ? locale : defaultLocale;
  return translators(safeLocale, () => makeTranslator(safeLocale));
}

export type EmailTranslator = ReturnType<typeof emailTranslator>;

const formatters = memo<ReturnType<typeof createFormatter>>();

/** A date and time in the recipient's locale and time zone, with the zone named. */
export function formatEmailDateTime(iso: string, locale: Locale, timeZone?: string | null): string {
  const safeLocale = isLocale(locale) ? locale : defaultLocale;
  const zone = safeTimeZone(timeZone);
  const format = formatters(`${safeLocale}|${zone}`, () => createFormatter({ locale: safeLocale, timeZone: zone }));
  return format.dateTime(new Date(iso), {
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
}

/** What a template renders its text with: the translator and the date formatter for its recipient. */
export function emailText(recipient: { locale: Locale; timeZone?: string | null }) {
  return {
    t: emailTranslator(recipient.locale),
    dateTime: (iso: string) => formatEmailDateTime(iso, recipient.locale, recipient.timeZone),
  };
}

/** Joins the app URL and a path without doubling or dropping the slash. */
export function appLink(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
