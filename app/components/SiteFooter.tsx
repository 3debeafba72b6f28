import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { containerClass } from "./styles";

export async function SiteFooter() {
  const t = await getTranslations("Site");
  const year = new Date().getFullYear();
  return (
    <footer className="mt-auto border-t border-line bg-surface">
      <div
        className={`${containerClass} flex flex-col gap-4 py-8 text-sm text-muted md:flex-row md:items-start md:justify-between`}
      >
        <div className="space-y-1">
          <p>{t("copyright", { year })}</p>
          <p>{t("footerNote")}</p>
        </div>
        <nav aria-label={t("footerNav")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <Link
                href="/faq"
                className="inline-flex min-h-6 items-center text-ink underline-offset-4 hover:underline"
              >
                {t("faq")}
              </Link>
            </li>
            <li>
              <Link
                href="/terms"
                className="inline-flex min-h-6 items-center text-ink underline-offset-4 hover:underline"
              >
                {t("terms")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
