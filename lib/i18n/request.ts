import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { displayTimeZone, localeCookieName, pickLocale, type Locale } from "./config";

/**
 * next-intl request configuration, without i18n routing: URLs carry no locale. The locale comes
 * from the `locale` cookie (set by the language switcher) or the Accept-Language header.
 */
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale: Locale = pickLocale(cookieStore.get(localeCookieName)?.value, headerList.get("accept-language"));

  return {
    locale,
    timeZone: displayTimeZone,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
