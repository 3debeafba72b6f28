import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions";
import { locales } from "@/lib/i18n/config";

/**
 * One small form per language, each posting to the `setLocale` server action, so switching
 * works with or without JavaScript. The current language is shown as pressed.
 */
export async function LanguageSwitcher() {
  const [t, current] = await Promise.all([getTranslations("LocaleSwitcher"), getLocale()]);
  return (
    <div
      role="group"
      aria-label={t("label")}
      className="flex items-center rounded-lg border border-line bg-surface p-0.5"
    >
      {locales.map((locale) => {
        const active = locale === current;
        return (
          <form key={locale} action={setLocale}>
            <input type="hidden" name="locale" value={locale} />
            <button
              type="submit"
              lang={locale}
              aria-pressed={active}
              className={
                "min-h-9 min-w-11 rounded-md px-2.5 text-sm font-medium transition-colors " +
                (active ? "bg-brand-soft text-brand-strong" : "text-muted hover:bg-canvas hover:text-ink")
              }
            >
              {t(locale)}
            </button>
          </form>
        );
      })}
    </div>
  );
}
