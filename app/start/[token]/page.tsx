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
import { now } from "@/lib/platform/clock";
import { titleMetadata } from "@/app/components/page-title";

// The URL holds the token: strict-origin sends only the origin as Referer, never the path. Not
// no-referrer: under it a form posted without JavaScript (or before it has loaded on a busy
// machine) carries "Origin: null", which the proxy refuses as cross-origin.
export const generateMetadata = titleMetadata("Onboarding", "verifyTitle", { referrer: "strict-origin" });

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
