import type { Locale } from "./config";
import type en from "../../messages/en.json";
import type ja from "../../messages/ja.json";

// Type-checks message keys and locales everywhere next-intl is used
// (useTranslations, getTranslations, useLocale, getLocale).
// messages/en.json is the reference catalogue.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}

// Compile-time check that messages/ja.json has exactly the same keys as messages/en.json:
// a missing or extra key makes `tsc` fail on the line below.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type CataloguesMatch = Assert<SameShape<typeof en, typeof ja>>;
