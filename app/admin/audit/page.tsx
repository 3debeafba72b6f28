import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { timeZoneName } from "@/lib/i18n/time-zone";
import { connection } from "next/server";
import { DataTable } from "@/app/components/DataTable";
import { Pagination } from "@/app/components/Pagination";
import { Card } from "@/app/components/Card";
import { FieldError } from "@/app/components/FieldError";
import { PageShell } from "@/app/components/PageShell";
import { TextField } from "@/app/components/TextField";
import { buttonClass, describedBy, inputClass, labelClass } from "@/app/components/styles";
import {
  auditLogFilter,
  getAuditLogPage,
  operatorTimeZone,
  parseAuditLogQuery,
  type AuditLogQuery,
  type AuditLogRow,
} from "@/lib/admin";
import { dateTimeWithSecondsAndZone } from "@/lib/i18n/date-time";
import { AUDIT_EVENT_NAMES } from "@/lib/audit";
import { requireOperator } from "@/lib/sessions";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("AdminAudit", "metaTitle");

/** The query string of the filter, plus at most one cursor. */
function queryString(query: AuditLogQuery, cursor?: { before?: number; after?: number }): string {
  const params = new URLSearchParams();
  for (const field of ["event", "actor", "subject", "from", "to"] as const)
    if (query[field]) params.set(field, query[field]);
  if (cursor?.before !== undefined) params.set("before", String(cursor.before));
  if (cursor?.after !== undefined) params.set("after", String(cursor.after));
  const text = params.toString();
  return text ? `?${text}` : "";
}

const outcomeStyle: Record<AuditLogRow["outcome"], string> = {
  success: "bg-success-soft text-ink ring-success/30",
  failure: "bg-danger-soft text-ink ring-danger/30",
  info: "bg-canvas text-ink ring-line-strong",
};

/** All audit events, newest first: filter by event, actor, subject and days; 50 per page. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const operator = await requireOperator();
  const [params, t, format, timeZone, locale] = await Promise.all([
    searchParams,
    getTranslations("AdminAudit"),
    getFormatter(),
    operatorTimeZone(operator.id),
    getLocale(),
  ]);
  const { query, errors } = parseAuditLogQuery(params);
  const filter = auditLogFilter(query, errors, timeZone);
  const page = await getAuditLogPage(filter, { before: query.before, after: query.after });
  const filtered = Boolean(query.event || query.actor || query.subject || query.from || query.to);
  // Catalogue keys cannot hold dots: "login.failed" is looked up as "login_failed".
  const eventName = (event: string) => {
    const key = `events.${event.replaceAll(".", "_")}` as "events.other";
    return t.has(key) ? t(key) : event;
  };
  const who = (email: string | null, id: string | null) => email ?? (id ? t("deletedUser") : t("system"));
  const error = (field: keyof typeof errors) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);

  return (
    <PageShell title={t("title")} lead={t("lead", { timeZone: timeZoneName(timeZone, locale) })} width="wide">
      <Card title={t("filterTitle")}>
        <form method="get" action="/admin/audit" className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="event" className={labelClass}>
              {t("event")}
            </label>
            <select
              id="event"
              name="event"
              defaultValue={query.event ?? ""}
              aria-invalid={errors.event ? true : undefined}
              aria-describedby={describedBy(errors.event && "event-error")}
              className={`mt-1.5 ${inputClass(Boolean(errors.event))}`}
            >
              <option value="">{t("anyEvent")}</option>
              {AUDIT_EVENT_NAMES.map((name) => (
                <option key={name} value={name}>
                  {eventName(name)}
                </option>
              ))}
            </select>
            <FieldError id="event-error" message={error("event")} />
          </div>
          {(
            [
              ["actor", "email"],
              ["subject", "email"],
              ["from", "date"],
              ["to", "date"],
            ] as const
          ).map(([name, type]) => (
            <TextField
              key={name}
              name={name}
              type={type}
              label={t(name)}
              defaultValue={query[name] ?? ""}
              error={error(name)}
              {...(type === "email" ? { autoComplete: "off", maxLength: 254 } : {})}
            />
          ))}
          <div className="flex flex-wrap items-center gap-3 col-span-full">
            <button type="submit" className={buttonClass("primary")}>
              {t("apply")}
            </button>
            {filtered ? (
              <Link href="/admin/audit" className={buttonClass("ghost")}>
                {t("clear")}
              </Link>
            ) : null}
            <a
              href={`/admin/audit/export.csv${queryString(query)}`}
              className={`${buttonClass("secondary")} sm:ml-auto`}
              download
            >
              {t("download")}
            </a>
          </div>
        </form>
      </Card>

      <Card>
        {page.events.length === 0 ? (
          <p className="text-muted" role="status">
            {t("empty")}
          </p>
        ) : (
          <DataTable
            caption={t("tableCaption")}
            columns={[t("time"), t("eventColumn"), t("outcome"), t("actorColumn"), t("subjectColumn"), t("ip")]}
            className="min-w-[48rem]"
          >
            {page.events.map((row) => (
              <tr key={row.id} className="border-b border-line align-top last:border-0">
                <td className="py-2 pr-4 whitespace-nowrap text-ink tabular-nums">
                  <time dateTime={row.occurredAt.toISOString()}>
                    {format.dateTime(row.occurredAt, { ...dateTimeWithSecondsAndZone, timeZone })}
                  </time>
                </td>
                <td className="py-2 pr-4 text-ink">
                  {eventName(row.event)}
                  <span className="block font-mono text-xs text-muted">{row.event}</span>
                </td>
                <td className="py-2 pr-4">
                  <span
                    className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ${outcomeStyle[row.outcome]}`}
                  >
                    {t(`outcomes.${row.outcome}`)}
                  </span>
                </td>
                <td className="py-2 pr-4 whitespace-nowrap text-ink">{who(row.actorEmail, row.actorId)}</td>
                <td className="py-2 pr-4 whitespace-nowrap text-ink">
                  {row.subjectId || row.subjectEmail ? who(row.subjectEmail, row.subjectId) : "—"}
                </td>
                <td className="py-2 font-mono text-ink">{row.ip ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {/* Newest first: the previous page holds newer events. */}
        <Pagination
          label={t("pagination")}
          first={page.newer !== null ? { href: `/admin/audit${queryString(query)}`, label: t("newest") } : null}
          previous={
            page.newer !== null
              ? { href: `/admin/audit${queryString(query, { after: page.newer })}`, label: t("newer") }
              : null
          }
          next={
            page.older !== null
              ? { href: `/admin/audit${queryString(query, { before: page.older })}`, label: t("older") }
              : null
          }
        />
      </Card>
    </PageShell>
  );
}
