import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInNextPage } from "@/app/components/SignInNextPage";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Unlock");
  return { title: t("doneTitle") };
}

export default async function UnlockDonePage() {
  const t = await getTranslations("Unlock");
  return <SignInNextPage title={t("doneTitle")} body={t("doneBody")} action={t("doneAction")} />;
}
