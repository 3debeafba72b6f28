import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { PageShell } from "@/app/components/PageShell";
import { currentUser } from "@/lib/sessions";
import { currentTerms } from "@/lib/terms";
import { TermsAcceptForm } from "./TermsAcceptForm";

export async function generateMetadata(): Promise<Metadata> {
  const terms = await currentTerms(await getLocale());
  return { title: terms?.title ?? "Terms" };
}

/** Everyone can read the terms; a signed-in user who has not accepted them is asked to here. */
export default async function TermsPage() {
  await connection();
  const [terms, user, t, format] = await Promise.all([currentTerms(await getLocale()), currentUser(), getTranslations("Terms"), getFormatter()]);
  if (!terms) return null;
  const mustAccept = user !== null && !user.termsAccepted;
  return (
    <PageShell title={terms.title} lead={t("version", { version: terms.version, date: format.dateTime(terms.publishedAt, { dateStyle: "long" }) })}>
      {mustAccept ? <FormMessage tone="info">{t("pending")}</FormMessage> : null}
      <Card>
        <div className="max-h-[28rem] overflow-y-auto whitespace-pre-line pr-2 leading-relaxed text-ink" tabIndex={0} role="region" aria-label={terms.title}>
          {terms.body}
        </div>
      </Card>
      {mustAccept ? (
        <Card>
          <TermsAcceptForm version={terms.version} />
        </Card>
      ) : null}
    </PageShell>
  );
}
