import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { ResendForm } from "./ResendForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Resend");
  return { title: t("title") };
}

export default async function ResendPage() {
  const t = await getTranslations("Resend");
  return (
    <PageShell title={t("title")} width="narrow" lead={t("lead")}>
      <Card>
        <ResendForm />
      </Card>
      <p className="text-sm text-muted">{t("help")}</p>
    </PageShell>
  );
}
