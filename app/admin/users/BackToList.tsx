import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { linkClass } from "@/app/components/styles";

/** The link back to the user directory, under a user's page or the registration form. */
export async function BackToList() {
  const t = await getTranslations("AdminUsers");
  return (
    <p>
      <Link href="/admin/users" className={linkClass}>
        {t("backToList")}
      </Link>
    </p>
  );
}
