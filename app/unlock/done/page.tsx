import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/app/components/PageShell";
import { StatusPanel } from "@/app/components/StatusPanel";
import { buttonClass } from "@/app/components/styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Unlock");
  return { title: t("doneTitle") };
}

export default async function UnlockDonePage() {
  const t = await getTranslations("Unlock");
  return (
    <PageShell title={t("doneTitle")} width="narrow">
      <StatusPanel tone="success">
        <p className="text-base text-ink sm:text-lg">{t("doneBody")}</p>
        <Link href="/login" className={`${buttonClass("primary")} text-center`}>
          {t("doneAction")}
        </Link>
      </StatusPanel>
    </PageShell>
  );
}
