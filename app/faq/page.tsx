import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { buttonClass } from "@/app/components/styles";
import { env } from "@/env";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Faq", "title");

export default async function FaqPage() {
  const t = await getTranslations("Faq");
  return (
    <PageShell title={t("title")} lead={t("lead")}>
      <section id="no-email" aria-labelledby="no-email-q">
        <Card>
          <h2 id="no-email-q" className="text-lg font-semibold text-ink">
            {t("noEmailQ")}
          </h2>
          <p className="mt-2 text-ink">{t("noEmailA")}</p>
          <Link href="/start/resend" className={`${buttonClass("primary")} mt-4 text-center`}>
            {t("noEmailAction")}
          </Link>
        </Card>
      </section>
      <section id="forgot" aria-labelledby="forgot-q">
        <Card>
          <h2 id="forgot-q" className="text-lg font-semibold text-ink">
            {t("forgotQ")}
          </h2>
          <p className="mt-2 text-ink">{t("forgotA")}</p>
          <p className="mt-2 font-medium text-ink">{t("forgotContact", { contact: env.OPERATOR_CONTACT })}</p>
        </Card>
      </section>
      <section id="what-is" aria-labelledby="what-is-q">
        <Card>
          <h2 id="what-is-q" className="text-lg font-semibold text-ink">
            {t("whatIsQ")}
          </h2>
          <p className="mt-2 text-ink">{t("whatIsA")}</p>
        </Card>
      </section>
    </PageShell>
  );
}
