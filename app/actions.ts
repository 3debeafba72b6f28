"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { localeCookieMaxAge, localeCookieName, locales } from "@/lib/i18n/config";

const setLocaleInput = z.object({ locale: z.enum(locales) });

/**
 * Language switcher action (works without JavaScript: the form posts to the current page,
 * which is then rendered again in the chosen language). Unknown values are ignored.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = setLocaleInput.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;

  (await cookies()).set(localeCookieName, parsed.data.locale, {
    maxAge: localeCookieMaxAge,
    path: "/",
    sameSite: "lax",
    httpOnly: false,
    // NODE_ENV is inlined by Next.js at build time; Secure everywhere but local development.
    secure: process.env.NODE_ENV === "production",
  });
  revalidatePath("/", "layout");
}
