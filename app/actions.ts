"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { postAction } from "@/app/components/form-action";
import { savePreferredLocale } from "@/lib/account";
import { locales } from "@/lib/i18n/config";
import { rememberLocale } from "@/lib/i18n/cookie";
import { currentUser } from "@/lib/sessions";

/**
 * Language switcher action (works without JavaScript: the form posts to the current page,
 * which is then rendered again in the chosen language). Unknown values are ignored. A
 * signed-in user's choice is saved, so their emails and next sign-in use it too.
 */
export const setLocale = postAction({
  fields: ["locale"],
  guard: async () => null,
  schema: z.object({ locale: z.enum(locales) }),
  run: async ({ locale }) => {
    await rememberLocale(locale);
    const user = await currentUser();
    if (user) await savePreferredLocale(user.id, locale);
  },
  // Unknown values are ignored.
  refused: () => undefined,
  messages: () => revalidatePath("/", "layout"),
});
