"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/app/components/ActionForm";
import type { ProfileField } from "@/lib/admin/account-actions";
import { editProfileAction } from "../../actions";
import { ProfileFields } from "../../ProfileFields";

export function EditProfileForm({ userId, initial }: { userId: string; initial: Record<ProfileField, string> }) {
  const t = useTranslations("AdminUsers");
  return (
    <ActionForm
      action={editProfileAction}
      hidden={{ userId }}
      initial={initial}
      summary={[
        ["name", t("fields.name")],
        ["phone", t("fields.phone")],
        ["company", t("fields.company")],
      ]}
      submitLabel={t("saveProfile")}
    >
      {(entered) => <ProfileFields {...entered} />}
    </ActionForm>
  );
}
