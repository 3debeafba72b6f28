"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "@/app/components/ErrorSummary";
import { FormMessage } from "@/app/components/FormMessage";
import { TextField } from "@/app/components/TextField";
import { buttonClass } from "@/app/components/styles";
import type { FormState } from "@/app/components/form-state";
import type { RegistrationField } from "@/lib/onboarding/register";
import { registerUserAction } from "../actions";
import { ProfileFields } from "../ProfileFields";
import { SelectField } from "../SelectField";

export function RegisterUserForm() {
  const t = useTranslations("AdminUsers");
  const [state, action, pending] = useActionState(registerUserAction, {} as FormState<RegistrationField>);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} noValidate className="space-y-5" key={JSON.stringify(values)}>
      <ErrorSummary
        errors={summaryErrors(errors, [
          ["email", t("fields.email")],
          ["name", t("fields.name")],
          ["phone", t("fields.phone")],
          ["company", t("fields.company")],
          ["role", t("fields.role")],
          ["locale", t("fields.locale")],
        ])}
      />
      <FormMessage tone={state.tone ?? "error"}>{state.message}</FormMessage>
      <TextField
        name="email"
        type="email"
        label={t("fields.email")}
        autoComplete="off"
        required
        defaultValue={values.email}
        error={errors.email}
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
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {t("registerButton")}
      </button>
    </form>
  );
}
