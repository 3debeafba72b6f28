import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { env } from "@/env";
import { dateTimeWithSecondsAndZone } from "@/lib/i18n/date-time";
import { listCapturedEmails } from "@/lib/mail";
import { demoAuthenticatorCodes } from "@/lib/demo";
import { now } from "@/lib/platform/clock";
import { DataTable } from "../../components/DataTable";
import { PageShell } from "../../components/PageShell";
import { linkClass } from "../../components/styles";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("DevMailbox", "metaTitle", { robots: { index: false, follow: false } });

/**
 * Makes a captured email safe to show in a sandboxed frame (no scripts, no same-origin access)
 * and opens its links in a new tab: the app refuses to be framed, so links must leave the frame.
 */
function frameDocument(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}

export default async function DevMailboxPage() {
  if (env.NODE_ENV === "production") notFound();
  await connection();
  const [t, format, emails] = await Promise.all([
    getTranslations("DevMailbox"),
    getFormatter(),
    listCapturedEmails({ limit: 50 }),
  ]);

  return (
    <PageShell
      title={t("title")}
      width="wide"
      lead={
        <>
          <p>{t("intro")}</p>
          <p className="mt-2">
            <Link href="/dev/mailbox" className={linkClass}>
              {t("refresh")}
            </Link>
          </p>
        </>
      }
    >
      <section aria-labelledby="demo-codes" className="mb-8 rounded-2xl border border-line bg-surface p-5 sm:p-6">
        <h2 id="demo-codes" className="text-xl font-semibold text-ink">
          {t("demoCodesTitle")}
        </h2>
        <p className="mt-2 mb-4 text-muted">{t("demoCodesLead")}</p>
        <DataTable caption={t("demoCodesTitle")} columns={[t("account"), t("code")]}>
          {demoAuthenticatorCodes(now()).map(({ email, code }) => (
            <tr key={email} className="border-b border-line last:border-0">
              <td className="py-2 pr-4 break-all text-ink">{email}</td>
              <td className="py-2 font-mono text-lg tracking-widest text-ink">{code}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <p role="status" className="text-base font-semibold text-ink">
        {t("count", { count: emails.length })}
      </p>
      {emails.length === 0 ? (
        <p className="rounded-2xl border border-line bg-surface p-6 text-muted">{t("empty")}</p>
      ) : (
        <ol className="space-y-8">
          {emails.map((email) => {
            const headingId = `mail-${email.id}`;
            return (
              <li key={email.id}>
                <article
                  aria-labelledby={headingId}
                  className="rounded-2xl border border-line bg-surface p-5 shadow-sm sm:p-6"
                >
                  <h2 id={headingId} className="text-xl font-semibold break-words text-ink">
                    {email.subject}
                  </h2>
                  <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                    <dt className="font-semibold text-muted">{t("to")}</dt>
                    <dd className="break-all text-ink">{email.to}</dd>
                    <dt className="font-semibold text-muted">{t("captured")}</dt>
                    <dd className="text-ink">
                      <time dateTime={email.createdAt.toISOString()}>
                        {format.dateTime(email.createdAt, dateTimeWithSecondsAndZone)}
                      </time>
                    </dd>
                  </dl>
                  <iframe
                    title={t("frameTitle", { subject: email.subject })}
                    srcDoc={frameDocument(email.html)}
                    sandbox="allow-popups allow-popups-to-escape-sandbox"
                    referrerPolicy="no-referrer"
                    loading="lazy"
                    className="mt-4 h-[36rem] w-full rounded-lg border border-line bg-canvas"
                  />
                  <details className="mt-4">
                    <summary className="cursor-pointer font-medium text-brand">{t("textVersion")}</summary>
                    <pre className="mt-2 overflow-x-auto rounded-lg bg-canvas p-4 text-sm whitespace-pre-wrap break-words text-ink">
                      {email.text}
                    </pre>
                  </details>
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </PageShell>
  );
}
