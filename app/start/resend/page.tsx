import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { ResendForm } from "./ResendForm";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Resend", "title");

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
