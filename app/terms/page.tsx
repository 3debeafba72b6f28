import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { PageShell } from "@/app/components/PageShell";
import { currentUser, safeReturnPath } from "@/lib/sessions";
import { currentTerms } from "@/lib/terms";
import { TermsAcceptForm } from "./TermsAcceptForm";

/** The current terms' own title, or the catalogue's name for them before any version exists. */
export async function generateMetadata(): Promise<Metadata> {
  const [terms, t] = await Promise.all([currentTerms(await getLocale()), getTranslations("Site")]);
  return { title: terms?.title ?? t("terms") };
}

/**
 * Splits the terms text at blank lines. A part whose first line is short and followed by more
 * text ("1. Purpose", "第1条（目的）") shows that line as its heading; anything else stays a
 * plain paragraph, so any text an operator publishes still reads as written.
 */
function sections(body: string): Array<{ heading?: string; text: string }> {
  return body
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [first = "", ...rest] = part.split("\n");
      return rest.length > 0 && first.length <= 60 ? { heading: first, text: rest.join("\n") } : { text: part };
    });
}

/** Everyone can read the terms; a signed-in user who has not accepted them is asked to here. */
export default async function TermsPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  await connection();
  const [terms, user, t, format, params] = await Promise.all([
    currentTerms(await getLocale()),
    currentUser(),
    getTranslations("Terms"),
    getFormatter(),
    searchParams,
  ]);
  if (!terms) return null;
  const mustAccept = user !== null && !user.termsAccepted;
  return (
    <PageShell
      title={terms.title}
      lead={t("version", { version: terms.version, date: format.dateTime(terms.publishedAt, { dateStyle: "long" }) })}
    >
      {mustAccept ? <FormMessage tone="info">{t("pending")}</FormMessage> : null}
      <Card>
        {/* While acceptance is pending the text scrolls in a box, so the Accept form stays close by. */}
        <div
          className={`space-y-5 leading-relaxed text-ink ${mustAccept ? "max-h-[28rem] overflow-y-auto pr-3" : ""}`}
          tabIndex={mustAccept ? 0 : undefined}
          role="region"
          aria-label={terms.title}
        >
          {sections(terms.body).map((section, index) => (
            <section key={index}>
              {section.heading ? <h2 className="font-semibold text-ink">{section.heading}</h2> : null}
              <p className="whitespace-pre-line">{section.text}</p>
            </section>
          ))}
        </div>
      </Card>
      {mustAccept ? (
        <Card>
          <TermsAcceptForm version={terms.version} returnTo={safeReturnPath(params.next)} />
        </Card>
      ) : null}
    </PageShell>
  );
}
