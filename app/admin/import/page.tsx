import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { buttonClass } from "@/app/components/styles";
import { IMPORT_LIMITS } from "@/lib/admin";
import { requireOperator } from "@/lib/sessions";
import { ImportForm } from "./ImportForm";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("AdminImport", "metaTitle");

const EXAMPLE = `email,name,phone,company,role
hanako.suzuki@example.com,Hanako Suzuki,0312345678,Suzuki Trading K.K.,customer
"taro@example.co.jp","Yamada, Taro",09012345678,,`;

export default async function ImportPage() {
  await connection();
  await requireOperator();
  const t = await getTranslations("AdminImport");
  const maxRows = IMPORT_LIMITS.maxRows.toLocaleString("en");
  return (
    <PageShell title={t("title")} lead={t("lead")} width="wide">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <Card>
          <ImportForm maxRows={IMPORT_LIMITS.maxRows} />
        </Card>
        <Card title={t("formatTitle")}>
          <div className="space-y-3 text-ink">
            <p>{t("formatBody", { maxRows, maxMb: IMPORT_LIMITS.maxBytes / 1024 / 1024 })}</p>
            <p>{t("formatAllOrNothing")}</p>
            <h3 className="font-semibold">{t("example")}</h3>
            <pre className="overflow-x-auto rounded-lg bg-canvas p-3 text-sm" tabIndex={0}>
              {EXAMPLE}
            </pre>
          </div>
        </Card>
      </div>
      <Card title={t("exportTitle")}>
        <p className="text-ink">{t("exportBody")}</p>
        <p className="mt-4">
          {/* A plain link: the route handler answers with an attachment. */}
          <a href="/admin/export/users.csv" className={buttonClass("secondary")} download>
            {t("exportLink")}
          </a>
        </p>
      </Card>
    </PageShell>
  );
}
