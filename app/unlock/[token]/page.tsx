import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { IdentityForm } from "@/app/components/IdentityForm";
import { PageShell } from "@/app/components/PageShell";
import { StatusPanel } from "@/app/components/StatusPanel";
import { now } from "@/lib/platform/clock";
import { isUnlockLinkUsable } from "@/lib/login";
import { unlockAccountAction } from "../actions";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Unlock", "title", { referrer: "no-referrer" });

/** Opening the link only reads: mail scanners open links, and that must not use it up or unlock. */
export default async function UnlockPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const t = await getTranslations("Unlock");
  if (!(await isUnlockLinkUsable(token, now()))) {
    return (
      <PageShell title={t("invalidTitle")} width="narrow">
        <StatusPanel tone="warning">
          <p className="text-base text-ink sm:text-lg">{t("invalidBody")}</p>
        </StatusPanel>
      </PageShell>
    );
  }
  return (
    <PageShell title={t("title")} width="narrow" lead={t("lead")}>
      <Card>
        <IdentityForm token={token} action={unlockAccountAction} submitLabel={t("submit")} />
      </Card>
    </PageShell>
  );
}
