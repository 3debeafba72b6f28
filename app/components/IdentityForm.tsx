"use client";

import { useTranslations } from "next-intl";
import { ActionForm, TextFields } from "@/app/components/ActionForm";
import type { FormState } from "@/app/components/form-state";
import type { IdentityField } from "@/lib/identity/check";

type IdentityAction = (state: FormState<IdentityField>, form: FormData) => Promise<FormState<IdentityField>>;

/** Email, name and phone for an emailed link's identity check (starting guide, unlock). */
export function IdentityForm({
  token,
  action,
  submitLabel,
}: {
  token: string;
  action: IdentityAction;
  submitLabel: string;
}) {
  const t = useTranslations("Onboarding");
  return (
    <ActionForm
      action={action}
      hidden={{ token }}
      summary={[
        ["email", t("email")],
        ["name", t("name")],
        ["phone", t("phone")],
      ]}
      submitLabel={submitLabel}
      fullWidth
    >
      {(entered) => (
        <TextFields
          {...entered}
          fields={[
            { name: "email", type: "email", label: t("email"), autoComplete: "email", required: true },
            { name: "name", label: t("name"), hint: t("nameHint"), autoComplete: "name", required: true },
            {
              name: "phone",
              type: "tel",
              inputMode: "numeric",
              label: t("phone"),
              hint: t("phoneHint"),
              autoComplete: "tel",
              required: true,
            },
          ]}
        />
      )}
    </ActionForm>
  );
}
