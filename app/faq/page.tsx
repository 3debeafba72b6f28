import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { buttonClass, linkClass } from "@/app/components/styles";
import { env } from "@/env";
import { configuredOrganization } from "@/lib/platform/organization";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Faq", "title");

export default async function FaqPage() {
  const [t, site] = await Promise.all([getTranslations("Faq"), getTranslations("Site")]);
  const organization = configuredOrganization();
  return (
    <PageShell title={t("title")} lead={t("lead")}>
      <FaqEntry id="no-email" question={t("noEmailQ")}>
        <p className="mt-2 text-ink">{t("noEmailA")}</p>
        <Link href="/start/resend" className={`${buttonClass("primary")} mt-4 text-center`}>
          {t("noEmailAction")}
        </Link>
      </FaqEntry>
      <FaqEntry id="forgot" question={t("forgotQ")}>
        <p className="mt-2 text-ink">{t("forgotA")}</p>
        <p className="mt-2 font-medium text-ink">{t("forgotContact", { contact: env.OPERATOR_CONTACT })}</p>
      </FaqEntry>
      <FaqEntry id="what-is" question={t("whatIsQ")}>
        <p className="mt-2 text-ink">{t("whatIsA")}</p>
      </FaqEntry>
      <FaqEntry id="privacy" question={t("privacyQ")}>
        <p className="mt-2 text-ink">{t("privacyA")}</p>
        <p className="mt-2 font-medium text-ink">
          {t("privacyOperatedBy", { organization: organization.name, address: organization.address })}
        </p>
        <p className="mt-1 font-medium break-words text-ink">
          {t("privacyContact", { contact: organization.privacyContact })}
        </p>
        <p className="mt-2">
          <Link href="/terms" className={linkClass}>
            {site("terms")}
          </Link>
        </p>
      </FaqEntry>
    </PageShell>
  );
}

/** One question and its answer, as a section named by the question (its id is the link target). */
function FaqEntry({ id, question, children }: { id: string; question: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-q`}>
      <Card>
        <h2 id={`${id}-q`} className="text-lg font-semibold text-ink">
          {question}
        </h2>
        {children}
      </Card>
    </section>
  );
}
