import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageShell } from "@/app/components/PageShell";
import { StatusPanel } from "@/app/components/StatusPanel";
import { linkClass } from "@/app/components/styles";

/** Shown when the onboarding cookie is missing, expired or already used. */
export async function SessionEnded() {
  const t = await getTranslations("Onboarding");
  return (
    <PageShell title={t("sessionExpiredTitle")} width="narrow">
      <StatusPanel tone="info">
        <p className="text-base text-ink sm:text-lg">{t("sessionExpiredBody")}</p>
        <p>
          <Link href="/faq#forgot" className={linkClass}>
            {t("forgotDetails")}
          </Link>
        </p>
      </StatusPanel>
    </PageShell>
  );
}
