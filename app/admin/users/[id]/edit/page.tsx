import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { linkClass } from "@/app/components/styles";
import { directoryUser } from "@/lib/admin";
import { now } from "@/lib/platform/clock";
import { requireOperator } from "@/lib/sessions";
import { EditProfileForm } from "./EditProfileForm";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("AdminUsers", "editTitle");

/** Corrects name, phone and company. The email address and the pattern are not editable here. */
export default async function EditProfilePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  await requireOperator();
  const { id } = await params;
  const user = await directoryUser(id, now());
  if (!user) notFound();
  const t = await getTranslations("AdminUsers");
  return (
    <PageShell title={t("editTitle")} width="narrow" lead={t("editLead", { email: user.email })}>
      <Card>
        <EditProfileForm
          userId={user.id}
          initial={{ name: user.name, phone: user.phone, company: user.company ?? "" }}
        />
      </Card>
      <p>
        <Link href={`/admin/users/${user.id}`} className={linkClass}>
          {t("backToUser")}
        </Link>
      </p>
    </PageShell>
  );
}
