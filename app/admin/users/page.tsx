import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { DataTable } from "@/app/components/DataTable";
import { Pagination } from "@/app/components/Pagination";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { TextField } from "@/app/components/TextField";
import { buttonClass, linkClass } from "@/app/components/styles";
import { operatorTimeZone, searchDirectory, type DirectoryFilters } from "@/lib/admin";
import { now } from "@/lib/platform/clock";
import { dateTimeWithZone } from "@/lib/i18n/date-time";
import { requireOperator } from "@/lib/sessions";
import { SelectField } from "./SelectField";
import { StatusBadge } from "./StatusBadge";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("AdminUsers", "listTitle");

/** The URL of a directory page: the filters plus at most one cursor. */
function pageHref(filters: DirectoryFilters, cursor?: { after?: string; before?: string }): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (filters.role) params.set("role", filters.role);
  if (filters.sort !== "created") params.set("sort", filters.sort);
  if (cursor?.after) params.set("after", cursor.after);
  if (cursor?.before) params.set("before", cursor.before);
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const operator = await requireOperator();
  const [params, t, format, timeZone] = await Promise.all([
    searchParams,
    getTranslations("AdminUsers"),
    getFormatter(),
    operatorTimeZone(operator.id),
  ]);
  const page = await searchDirectory(params, now());
  const { filters } = page;
  const filtered = Boolean(filters.q || filters.status || filters.role);
  const when = (date: Date) => format.dateTime(date, { ...dateTimeWithZone, timeZone });

  return (
    <PageShell title={t("listTitle")} width="wide" lead={t("listLead")}>
      <p>
        <Link href="/admin/users/new" className={buttonClass("primary")}>
          {t("registerLink")}
        </Link>
      </p>
      <Card>
        <form
          method="get"
          action="/admin/users"
          role="search"
          aria-label={t("searchLabel")}
          className="grid gap-4 md:grid-cols-[2fr_1fr_1fr_1fr] md:items-end"
        >
          <TextField
            name="q"
            type="search"
            label={t("search")}
            hint={t("searchHint")}
            defaultValue={filters.q ?? ""}
            maxLength={200}
            autoComplete="off"
          />
          <SelectField
            name="status"
            label={t("statusFilter")}
            defaultValue={filters.status ?? ""}
            options={[
              { value: "", label: t("anyStatus") },
              { value: "invited", label: t("statuses.invited") },
              { value: "active", label: t("statuses.active") },
              { value: "locked", label: t("statuses.locked") },
              { value: "disabled", label: t("statuses.disabled") },
            ]}
          />
          <SelectField
            name="role"
            label={t("roleFilter")}
            defaultValue={filters.role ?? ""}
            options={[
              { value: "", label: t("anyRole") },
              { value: "customer", label: t("roles.customer") },
              { value: "operator", label: t("roles.operator") },
            ]}
          />
          <SelectField
            name="sort"
            label={t("sort")}
            defaultValue={filters.sort}
            options={[
              { value: "created", label: t("sortCreated") },
              { value: "name", label: t("sortName") },
            ]}
          />
          <div className="flex flex-wrap items-center gap-4 md:col-span-4">
            <button type="submit" className={buttonClass("primary")}>
              {t("searchButton")}
            </button>
            {filtered ? (
              <Link href="/admin/users" className={linkClass}>
                {t("clearFilters")}
              </Link>
            ) : null}
          </div>
        </form>
      </Card>

      <Card>
        {page.rows.length === 0 ? (
          <p className="text-muted">{filtered ? t("noMatches") : t("noUsers")}</p>
        ) : (
          <DataTable
            caption={t("tableCaption")}
            columns={(["name", "email", "company", "status", "lastSignIn"] as const).map((column) =>
              t(`columns.${column}`),
            )}
            className="min-w-[44rem]"
          >
            {page.rows.map((row) => (
              <tr key={row.id} className="border-b border-line last:border-0">
                <td className="py-2 pr-4">
                  <Link href={`/admin/users/${row.id}`} className={linkClass}>
                    {row.name}
                  </Link>
                  {row.role === "operator" ? (
                    <span className="ml-2 text-xs text-muted">{t("roles.operator")}</span>
                  ) : null}
                </td>
                <td className="py-2 pr-4 whitespace-nowrap text-ink">{row.email}</td>
                <td className="py-2 pr-4 text-ink">{row.company ?? "—"}</td>
                <td className="py-2 pr-4">
                  <StatusBadge status={row.status} />
                </td>
                <td className="py-2 whitespace-nowrap text-ink">
                  {row.lastSignInAt ? when(row.lastSignInAt) : t("never")}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination
          label={t("pagination")}
          previous={
            page.previous ? { href: pageHref(filters, { before: page.previous }), label: t("previousPage") } : null
          }
          next={page.next ? { href: pageHref(filters, { after: page.next }), label: t("nextPage") } : null}
        />
      </Card>
    </PageShell>
  );
}
