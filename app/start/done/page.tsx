import { getTranslations } from "next-intl/server";
import { SignInNextPage } from "@/app/components/SignInNextPage";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Onboarding", "doneTitle");

export default async function OnboardingDonePage() {
  const t = await getTranslations("Onboarding");
  return <SignInNextPage title={t("doneTitle")} body={t("doneBody")} action={t("doneAction")} />;
}
