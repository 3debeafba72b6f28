import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { currentOnboarding } from "../current-onboarding";
import { SessionEnded } from "../SessionEnded";
import { StepIndicator } from "../StepIndicator";
import { PatternForm } from "./PatternForm";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Onboarding", "patternTitle");

export default async function PatternPage() {
  const onboarding = await currentOnboarding();
  if (!onboarding) return <SessionEnded />;
  const t = await getTranslations("Onboarding");
  return (
    <PageShell title={t("patternTitle")} lead={t("patternLead")}>
      {/* One column for the step bar, the pad and the tips, so their edges line up. */}
      <div className="max-w-2xl space-y-8">
        <StepIndicator current={2} />
        {/* No card around the pad: on a 320 px phone every pixel goes to the cells. */}
        <PatternForm draft={onboarding.draft} />
        <Card title={t("patternTips")}>
          <ul className="list-disc space-y-1 pl-5 text-ink marker:text-muted">
            <li>{t("tipBlocks")}</li>
            <li>{t("tipSpread")}</li>
            <li>{t("tipPrivate")}</li>
          </ul>
        </Card>
      </div>
    </PageShell>
  );
}
