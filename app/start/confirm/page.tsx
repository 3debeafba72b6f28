import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Card } from "@/app/components/Card";
import { MatrixPreview } from "@/app/components/matrix/MatrixPreview";
import { PageShell } from "@/app/components/PageShell";
import { currentOnboarding } from "../current-onboarding";
import { SessionEnded } from "../SessionEnded";
import { StepIndicator } from "../StepIndicator";
import { ConfirmForm } from "./ConfirmForm";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Onboarding", "confirmTitle");

export default async function ConfirmPage() {
  const onboarding = await currentOnboarding();
  if (!onboarding) return <SessionEnded />;
  if (!onboarding.draft) redirect("/start/pattern");
  const t = await getTranslations("Onboarding");
  return (
    <PageShell title={t("confirmTitle")} lead={t("confirmLead")}>
      {/* The same column as the registration page, so going Back and forth keeps things in place. */}
      <div className="max-w-2xl space-y-8">
        <StepIndicator current={3} />
        <Card className="max-sm:p-4">
          <MatrixPreview pattern={onboarding.draft} />
        </Card>
        <ConfirmForm />
      </div>
    </PageShell>
  );
}
