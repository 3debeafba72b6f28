import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { timeZoneName } from "@/lib/i18n/time-zone";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { linkClass } from "@/app/components/styles";
import { getAdminOverview, operatorTimeZone, type SignInDay } from "@/lib/admin";
import { now } from "@/lib/platform/clock";
import { requireOperator } from "@/lib/sessions";
import { RetryFailedEmails } from "./RetryFailedEmails";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("AdminOverview", "metaTitle");

const statuses = ["invited", "active", "locked", "disabled"] as const;
const statusTone: Record<(typeof statuses)[number], string> = {
  invited: "border-t-brand",
  active: "border-t-success",
  locked: "border-t-danger",
  disabled: "border-t-line-strong",
};

/**
 * Sign-ins per day as paired bars. The bars are decoration for sighted users (aria-hidden);
 * the same numbers are in a table that screen readers read instead.
 */
async function SignInChart({ days }: { days: SignInDay[] }) {
  const [t, format] = await Promise.all([getTranslations("AdminOverview"), getFormatter()]);
  const max = Math.max(1, ...days.map((d) => Math.max(d.succeeded, d.failed)));
  const label = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { month: "numeric", day: "numeric", timeZone: "UTC" });
  const fullLabel = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const totals = days.reduce((sum, d) => ({ succeeded: sum.succeeded + d.succeeded, failed: sum.failed + d.failed }), {
    succeeded: 0,
    failed: 0,
  });
  return (
    <figure>
      <div aria-hidden="true">
        <div className="flex h-44 items-end gap-1 border-b border-line-strong sm:gap-2">
          {days.map((d) => (
            <div key={d.day} className="flex h-full min-w-0 flex-1 items-end justify-center gap-px">
              <div
                className="w-1/2 max-w-4 rounded-t bg-brand"
                style={{ height: `${(d.succeeded / max) * 100}%` }}
                title={`${d.succeeded}`}
              />
              <div
                className="w-1/2 max-w-4 rounded-t bg-danger"
                style={{ height: `${(d.failed / max) * 100}%` }}
                title={`${d.failed}`}
              />
            </div>
          ))}
        </div>
        <div className="mt-1 flex gap-1 sm:gap-2">
          {days.map((d, i) => (
            <div
              key={d.day}
              className="min-w-0 flex-1 text-center text-[0.65rem] whitespace-nowrap text-muted tabular-nums sm:text-xs"
            >
              {i % 2 === days.length % 2 ? "" : label(d.day)}
            </div>
          ))}
        </div>
        <ul className="mt-3 flex flex-wrap gap-4 text-sm text-ink">
          <li className="flex items-center gap-2">
            <span className="size-3 rounded-sm bg-brand" /> {t("succeeded")}
          </li>
          <li className="flex items-center gap-2">
            <span className="size-3 rounded-sm bg-danger" /> {t("failed")}
          </li>
        </ul>
      </div>
      <figcaption className="mt-2 text-sm text-muted">{t("total", totals)}</figcaption>
      {/* sr-only on the wrapper: a table ignores the 1px width and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{t("chartCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("day")}</th>
              <th scope="col">{t("succeeded")}</th>
              <th scope="col">{t("failed")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{fullLabel(d.day)}</th>
                <td>{d.succeeded}</td>
                <td>{d.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** The operators' home: users by status, sign-ins over 14 days, email delivery health. */
export default async function AdminOverviewPage() {
  await connection();
  const operator = await requireOperator();
  const timeZone = await operatorTimeZone(operator.id);
  const [overview, t, locale] = await Promise.all([
    getAdminOverview(now(), timeZone),
    getTranslations("AdminOverview"),
    getLocale(),
  ]);
  return (
    <PageShell title={t("title")} lead={t("lead", { timeZone: timeZoneName(timeZone, locale) })} width="wide">
      <Card title={t("usersTitle")}>
        <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {statuses.map((status) => (
            <li
              key={status}
              className={`rounded-xl border border-line border-t-4 ${statusTone[status]} bg-surface p-4`}
            >
              <span className="block text-sm font-medium text-muted">{t(`status.${status}`)}</span>
              <span className="mt-1 block text-3xl font-bold text-ink tabular-nums">
                {overview.users[status].toLocaleString("en")}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-4 text-ink">
          {t("secondFactors", { with: overview.secondFactors.with, without: overview.secondFactors.without })}
        </p>
        <p className="mt-4">
          <Link href="/admin/users" className={linkClass}>
            {t("usersLink")}
          </Link>
        </p>
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card title={t("signInsTitle")}>
          <SignInChart days={overview.signIns} />
        </Card>
        <Card title={t("outboxTitle")}>
          <dl className="grid grid-cols-2 gap-3">
            <div className="rounded-xl bg-canvas p-4">
              <dt className="text-sm font-medium text-muted">{t("pending")}</dt>
              <dd className="mt-1 text-2xl font-bold text-ink tabular-nums">
                {overview.outbox.pending.toLocaleString("en")}
              </dd>
            </div>
            <div className={`rounded-xl p-4 ${overview.outbox.failed > 0 ? "bg-danger-soft" : "bg-canvas"}`}>
              <dt className="text-sm font-medium text-muted">{t("failedEmails")}</dt>
              <dd className="mt-1 text-2xl font-bold text-ink tabular-nums">
                {overview.outbox.failed.toLocaleString("en")}
              </dd>
            </div>
          </dl>
          <p className="mt-4 text-sm text-ink">
            {overview.outbox.failed > 0 ? t("outboxFailedNote") : t("outboxHealthy")}
          </p>
          <div className="mt-4">
            <RetryFailedEmails />
          </div>
        </Card>
      </div>

      <Card title={t("toolsTitle")}>
        <ul className="grid gap-3 sm:grid-cols-2">
          <li>
            <Link href="/admin/import" className={linkClass}>
              {t("importLink")}
            </Link>
          </li>
          <li>
            <a href="/admin/export/users.csv" className={linkClass} download>
              {t("exportLink")}
            </a>
          </li>
          <li>
            <Link href="/admin/audit" className={linkClass}>
              {t("auditLink")}
            </Link>
          </li>
          <li>
            <Link href="/admin/terms" className={linkClass}>
              {t("termsLink")}
            </Link>
          </li>
        </ul>
      </Card>
    </PageShell>
  );
}
