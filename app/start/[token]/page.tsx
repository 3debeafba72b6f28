import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { IdentityForm } from "@/app/components/IdentityForm";
import { PageShell } from "@/app/components/PageShell";
import { StatusPanel } from "@/app/components/StatusPanel";
import { buttonClass, linkClass } from "@/app/components/styles";
import { isStartingGuideUsable } from "@/lib/onboarding";
import { verifyIdentityAction } from "../actions";
import { StepIndicator } from "../StepIndicator";
import { now } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Onboarding");
  return { title: t("verifyTitle"), referrer: "no-referrer" };
}

/** Opening the link only reads: mail scanners open links, and that must not use it up. */
export default async function StartingGuidePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const t = await getTranslations("Onboarding");
  if (!(await isStartingGuideUsable(token, now()))) {
    return (
      <PageShell title={t("invalidTitle")} width="narrow">
        <StatusPanel tone="warning">
          <p className="text-base text-ink sm:text-lg">{t("invalidBody")}</p>
          <Link href="/start/resend" className={`${buttonClass("primary")} text-center`}>
            {t("invalidAction")}
          </Link>
        </StatusPanel>
      </PageShell>
    );
  }
  return (
    <PageShell title={t("verifyTitle")} width="narrow" lead={t("verifyLead")}>
      <StepIndicator current={1} />
      <Card>
        <IdentityForm token={token} action={verifyIdentityAction} submitLabel={t("continue")} />
      </Card>
      <p>
        <Link href="/faq#forgot" className={linkClass}>
          {t("forgotDetails")}
        </Link>
      </p>
    </PageShell>
  );
}
