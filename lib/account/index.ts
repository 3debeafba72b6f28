import { getDb } from "@/db/client";
import { findUserById, updateUserLocale } from "@/db/queries/users";
import type { Locale } from "@/lib/i18n/config";

/** The signed-in user's own profile, as shown on their dashboard. */
export async function accountProfile(userId: string) {
  const user = await findUserById(await getDb(), userId);
  return user ? { name: user.name, email: user.email, company: user.company, timeZone: user.timeZone } : undefined;
}

export async function savePreferredLocale(userId: string, locale: Locale): Promise<void> {
  await updateUserLocale(await getDb(), userId, locale);
}
