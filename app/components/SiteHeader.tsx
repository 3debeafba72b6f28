import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { Logo } from "./Logo";
import { buttonClass, containerClass } from "./styles";

/**
 * Site header: portal name (home link), language switcher and the account action.
 * `account` replaces the default "Sign in" link (e.g. with a sign-out form once signed in).
 */
export async function SiteHeader({ account }: { account?: ReactNode }) {
  const t = await getTranslations("Site");
  return (
    <header className="border-b border-line bg-surface">
      <div className={`${containerClass} flex min-h-16 flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3`}>
        <Link
          href="/"
          className="flex items-center gap-2.5 rounded-md text-lg font-bold tracking-tight text-ink no-underline"
        >
          <Logo />
          <span>{t("name")}</span>
        </Link>
        <nav
          aria-label={t("mainNav")}
          className="flex w-full items-center justify-between gap-2 sm:w-auto sm:justify-end sm:gap-3"
        >
          <LanguageSwitcher />
          {account ?? (
            <Link href="/login" className={`${buttonClass("primary")} min-h-10 px-4 py-2 text-sm`}>
              {t("signIn")}
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
