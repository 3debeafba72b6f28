import { getTranslations } from "next-intl/server";
import { SignInNextPage } from "@/app/components/SignInNextPage";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Unlock", "doneTitle");

export default async function UnlockDonePage() {
  const t = await getTranslations("Unlock");
  return <SignInNextPage title={t("doneTitle")} body={t("doneBody")} action={t("doneAction")} />;
}
