"use client";

import { useTranslations } from "next-intl";
import { ActionForm, TextFields } from "@/app/components/ActionForm";
import { registerUserAction } from "../actions";
import { ProfileFields } from "../ProfileFields";
import { SelectField } from "../SelectField";

export function RegisterUserForm() {
  const t = useTranslations("AdminUsers");
  return (
    <ActionForm
      action={registerUserAction}
      summary={[
        ["email", t("fields.email")],
        ["name", t("fields.name")],
        ["phone", t("fields.phone")],
        ["company", t("fields.company")],
        ["role", t("fields.role")],
        ["locale", t("fields.locale")],
      ]}
      submitLabel={t("registerButton")}
    >
      {({ values, errors }) => (
        <>
          <TextFields
            values={values}
            errors={errors}
            fields={[{ name: "email", type: "email", label: t("fields.email"), autoComplete: "off", required: true }]}
          />
          <ProfileFields values={values} errors={errors} />
          <SelectField
            name="role"
            label={t("fields.role")}
            defaultValue={values.role || "customer"}
            error={errors.role}
            options={[
              { value: "customer", label: t("roles.customer") },
              { value: "operator", label: t("roles.operator") },
            ]}
          />
          <SelectField
            name="locale"
            label={t("fields.locale")}
            hint={t("fields.localeHint")}
            defaultValue={values.locale || "en"}
            error={errors.locale}
            options={[
              { value: "en", label: "English" },
              { value: "ja", label: "日本語" },
            ]}
          />
        </>
      )}
    </ActionForm>
  );
}
