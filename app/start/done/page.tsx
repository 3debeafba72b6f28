import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/app/components/PageShell";
import { buttonClass } from "@/app/components/styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Onboarding");
  return { title: t("doneTitle") };
}

export default async function OnboardingDonePage() {
  const t = await getTranslations("Onboarding");
  return (
    <PageShell title={t("doneTitle")} width="narrow" lead={t("doneBody")}>
      <Link href="/login" className={buttonClass("primary")}>
        {t("doneAction")}
      </Link>
    </PageShell>
  );
}
