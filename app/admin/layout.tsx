import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { SessionTimeout } from "@/app/components/SignedInLayout";
import { containerClass } from "@/app/components/styles";
import { requireOperator } from "@/lib/sessions";
import { AdminNavLinks } from "./AdminNavLinks";

/**
 * The admin shell. Anyone but a signed-in operator gets a 404 here; every page, route handler
 * and action below checks again itself (layouts do not re-render on client navigation).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await connection();
  await requireOperator();
  const t = await getTranslations("AdminNav");
  const links = [
    { href: "/admin", label: t("overview"), exact: true },
    { href: "/admin/users", label: t("users") },
    { href: "/admin/import", label: t("import") },
    { href: "/admin/audit", label: t("audit") },
    { href: "/admin/terms", label: t("terms") },
    { href: "/admin/apps", label: t("apps") },
  ];
  return (
    <>
      <div className="border-b border-line bg-surface">
        <div className={`${containerClass} flex flex-wrap items-center gap-x-6 gap-y-1 py-2`}>
          <p className="text-sm font-semibold tracking-wide text-muted uppercase">{t("title")}</p>
          <nav aria-label={t("label")} className="-mx-2">
            <AdminNavLinks links={links} />
          </nav>
        </div>
      </div>
      {children}
      <SessionTimeout />
    </>
  );
}
