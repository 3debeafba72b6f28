"use client";

import { useTranslations } from "next-intl";
import { ActionForm, TextFields } from "@/app/components/ActionForm";
import { resendGuideAction } from "../actions";

export function ResendForm() {
  const t = useTranslations("Resend");
  return (
    <ActionForm
      action={resendGuideAction}
      summary={[["email", t("email")]]}
      remount={false}
      submitLabel={t("submit")}
      fullWidth
    >
      {(entered) => (
        <TextFields
          {...entered}
          fields={[{ name: "email", type: "email", label: t("email"), autoComplete: "email", required: true }]}
        />
      )}
    </ActionForm>
  );
}
