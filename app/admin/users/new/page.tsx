import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { requireOperator } from "@/lib/sessions";
import { BackToList } from "../BackToList";
import { RegisterUserForm } from "./RegisterUserForm";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("AdminUsers", "registerTitle");

export default async function RegisterUserPage() {
  await connection();
  await requireOperator();
  const t = await getTranslations("AdminUsers");
  return (
    <PageShell title={t("registerTitle")} width="narrow" lead={t("registerLead")}>
      <Card>
        <RegisterUserForm />
      </Card>
      <BackToList />
    </PageShell>
  );
}
