import { cookies } from "next/headers";
import { env } from "@/env";
import { localeCookieMaxAge, localeCookieName, type Locale } from "./config";

/** Remembers the language for this browser; it wins over Accept-Language. */
export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(localeCookieName, locale, {
    maxAge: localeCookieMaxAge,
    path: "/",
    sameSite: "lax",
    httpOnly: false,
    secure: env.APP_URL.startsWith("https:"),
  });
}
