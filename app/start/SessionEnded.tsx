import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageShell } from "@/app/components/PageShell";
import { buttonClass } from "@/app/components/styles";

/** Shown when the onboarding cookie is missing, expired or already used. */
export async function SessionEnded() {
  const t = await getTranslations("Onboarding");
  return (
    <PageShell title={t("sessionExpiredTitle")} width="narrow" lead={t("sessionExpiredBody")}>
      <Link href="/faq" className={buttonClass("secondary")}>
        {t("forgotDetails")}
      </Link>
    </PageShell>
  );
}
