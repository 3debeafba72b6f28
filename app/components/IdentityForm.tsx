"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "@/app/components/ErrorSummary";
import { FormMessage } from "@/app/components/FormMessage";
import { TextField } from "@/app/components/TextField";
import { buttonClass } from "@/app/components/styles";
import type { FormState } from "@/app/components/form-state";
import type { IdentityField } from "@/lib/identity/check";

type IdentityAction = (state: FormState<IdentityField>, form: FormData) => Promise<FormState<IdentityField>>;

/** Email, name and phone for an emailed link's identity check (starting guide, unlock). */
export function IdentityForm({
  token,
  action: submit,
  submitLabel,
}: {
  token: string;
  action: IdentityAction;
  submitLabel: string;
}) {
  const t = useTranslations("Onboarding");
  const [state, action, pending] = useActionState(submit, {} as FormState<IdentityField>);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} noValidate className="space-y-5" key={JSON.stringify(values)}>
      <input type="hidden" name="token" value={token} />
      <ErrorSummary
        errors={summaryErrors(errors, [
          ["email", t("email")],
          ["name", t("name")],
          ["phone", t("phone")],
        ])}
      />
      <FormMessage tone={state.tone ?? "error"}>{state.message}</FormMessage>
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <TextField
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        autoComplete="name"
        required
        defaultValue={values.name}
        error={errors.name}
      />
      <TextField
        name="phone"
        type="tel"
        inputMode="numeric"
        label={t("phone")}
        hint={t("phoneHint")}
        autoComplete="tel"
        required
        defaultValue={values.phone}
        error={errors.phone}
      />
      <button type="submit" className={buttonClass("primary", { fullWidth: true })} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
