import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Oidc", "endedMetaTitle");

/** An application's sign-in request that expired, finished, or belongs to another browser. */
export default async function InteractionEndedPage() {
  const t = await getTranslations("Oidc");
  return (
    <PageShell title={t("endedTitle")} width="narrow">
      <Card>
        <p>{t("endedLead")}</p>
      </Card>
    </PageShell>
  );
}
