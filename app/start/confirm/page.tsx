import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { MatrixPreview } from "@/app/components/matrix/MatrixPreview";
import { PageShell } from "@/app/components/PageShell";
import { loadOnboarding, readOnboardingCookie } from "@/lib/onboarding";
import { DEFAULT_GRID } from "@/lib/matrix";
import { SessionEnded } from "../SessionEnded";
import { StepIndicator } from "../StepIndicator";
import { ConfirmForm } from "./ConfirmForm";
import { now } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Onboarding");
  return { title: t("confirmTitle") };
}

export default async function ConfirmPage() {
  await connection();
  const sessionId = await readOnboardingCookie();
  const onboarding = sessionId ? await loadOnboarding(sessionId, now()) : undefined;
  if (!onboarding) return <SessionEnded />;
  if (!onboarding.draft) redirect("/start/pattern");
  const t = await getTranslations("Onboarding");
  return (
    <PageShell title={t("confirmTitle")} width="wide" lead={t("confirmLead")}>
      <div className="max-w-3xl">
        <StepIndicator current={3} />
      </div>
      <Card>
        <MatrixPreview shape={DEFAULT_GRID} pattern={onboarding.draft} />
      </Card>
      <ConfirmForm />
    </PageShell>
  );
}
