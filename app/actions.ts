"use server";

import { asForm } from "@/app/components/form-state";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { savePreferredLocale } from "@/lib/account";
import { locales } from "@/lib/i18n/config";
import { rememberLocale } from "@/lib/i18n/cookie";
import { currentUser } from "@/lib/sessions";

const setLocaleInput = z.object({ locale: z.enum(locales) });

/**
 * Language switcher action (works without JavaScript: the form posts to the current page,
 * which is then rendered again in the chosen language). Unknown values are ignored. A
 * signed-in user's choice is saved, so their emails and next sign-in use it too.
 */
export async function setLocale(formDataInput: unknown): Promise<void> {
  const formData = asForm(formDataInput);
  const parsed = setLocaleInput.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  await rememberLocale(parsed.data.locale);
  const user = await currentUser();
  if (user) await savePreferredLocale(user.id, parsed.data.locale);
  revalidatePath("/", "layout");
}
