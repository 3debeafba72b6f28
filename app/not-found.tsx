import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass, containerClass, linkClass } from "./components/styles";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("NotFound", "metaTitle", { robots: { index: false } });

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <div className={`${containerClass} py-16 sm:py-24`}>
      <div className="mx-auto max-w-xl text-center">
        <p className="text-sm font-semibold tracking-wide text-brand uppercase">{t("code")}</p>
        <h1 className="mt-3 text-3xl font-bold tracking-tight text-ink sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 text-lg text-muted">{t("body")}</p>
        <div className="mt-8 flex flex-col items-center gap-4 sm:flex-row sm:justify-center sm:gap-6">
          <Link href="/" className={buttonClass("primary")}>
            {t("backHome")}
          </Link>
          <Link href="/faq" className={`${linkClass} inline-flex min-h-6 items-center`}>
            {t("help")}
          </Link>
        </div>
      </div>
    </div>
  );
}
