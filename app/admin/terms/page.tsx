import { getFormatter, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { DataTable } from "@/app/components/DataTable";
import { ReauthPrompt } from "@/app/admin/ReauthPrompt";
import { PageShell } from "@/app/components/PageShell";
import { hintClass } from "@/app/components/styles";
import { operatorTimeZone, termsOverview } from "@/lib/admin";
import { dateTimeWithZone } from "@/lib/i18n/date-time";
import { RECENT_SIGN_IN_MINUTES, signedInRecently } from "@/lib/reauth";
import { requireOperator } from "@/lib/sessions";
import { TERMS_PLACEHOLDERS } from "@/lib/terms";
import { PublishTermsForm } from "./PublishTermsForm";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("AdminTerms", "metaTitle");

/**
 * Terms versions, the current text, and publishing a new version (needs a recent sign-in). The
 * current text is shown as stored, {organization}-style tokens included, since it is what the
 * publish form starts from and what operators edit; customers read it with the values filled in.
 */
export default async function AdminTermsPage() {
  await connection();
  const operator = await requireOperator();
  const [{ versions, current }, recent, timeZone, t, format] = await Promise.all([
    termsOverview(),
    signedInRecently(operator, "admin"),
    operatorTimeZone(operator.id),
    getTranslations("AdminTerms"),
    getFormatter(),
  ]);
  const en = current?.texts.en;
  const ja = current?.texts.ja;
  return (
    <PageShell title={t("title")} lead={t("lead")} width="wide">
      <Card title={t("versionsTitle")}>
        <DataTable caption={t("versionsCaption")} columns={[t("version"), t("publishedAt"), t("publisher")]}>
          {versions.map((v, index) => (
            <tr key={v.version} className="border-b border-line last:border-0">
              <th scope="row" className="py-2 pr-4 font-semibold text-ink tabular-nums">
                {v.version}
                {index === 0 ? (
                  <span className="ml-2 rounded-full bg-brand-soft px-2 py-0.5 text-xs font-semibold text-brand-strong">
                    {t("current")}
                  </span>
                ) : null}
              </th>
              <td className="py-2 pr-4 whitespace-nowrap text-ink">
                <time dateTime={v.publishedAt.toISOString()}>
                  {format.dateTime(v.publishedAt, { ...dateTimeWithZone, timeZone })}
                </time>
              </td>
              <td className="py-2 break-words text-ink">{v.publisherEmail ?? t("system")}</td>
            </tr>
          ))}
        </DataTable>
      </Card>

      {current ? (
        <Card title={t("currentTitle", { version: current.version })}>
          <div className="grid gap-6 lg:grid-cols-2">
            {[
              { label: t("english"), text: en, lang: "en" },
              { label: t("japanese"), text: ja, lang: "ja" },
            ].map(({ label, text, lang }) => (
              <section key={lang} aria-label={label}>
                <h3 className="text-sm font-semibold tracking-wide text-muted uppercase">{label}</h3>
                {text ? (
                  <div lang={lang}>
                    <p className="mt-2 font-semibold text-ink">{text.title}</p>
                    <div
                      className="mt-2 max-h-72 overflow-y-auto rounded-lg bg-canvas p-3 text-sm leading-relaxed whitespace-pre-line text-ink"
                      tabIndex={0}
                      role="region"
                      aria-label={`${label}: ${text.title}`}
                    >
                      {text.body}
                    </div>
                  </div>
                ) : (
                  <p className="mt-2 text-muted">{t("noJapanese")}</p>
                )}
              </section>
            ))}
          </div>
        </Card>
      ) : null}

      <Card title={recent ? t("publishTitle") : t("reauthTitle")}>
        {recent ? (
          <>
            <p className="text-ink">{t("publishNote")}</p>
            <p className={`${hintClass} mb-5`}>{t("placeholdersHint", TERMS_PLACEHOLDERS)}</p>
            <PublishTermsForm
              initial={{
                enTitle: en?.title ?? "",
                enBody: en?.body ?? "",
                jaTitle: ja?.title ?? "",
                jaBody: ja?.body ?? "",
              }}
            />
          </>
        ) : (
          <ReauthPrompt
            body={t("reauthBody", { minutes: RECENT_SIGN_IN_MINUTES.admin })}
            link={t("reauthLink")}
            next="/admin/terms"
          />
        )}
      </Card>
    </PageShell>
  );
}
