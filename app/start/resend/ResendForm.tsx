"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "@/app/components/ErrorSummary";
import { FormMessage } from "@/app/components/FormMessage";
import { TextField } from "@/app/components/TextField";
import { buttonClass } from "@/app/components/styles";
import type { FormState } from "@/app/components/form-state";
import { resendGuideAction } from "../actions";

export function ResendForm() {
  const t = useTranslations("Resend");
  const [state, action, pending] = useActionState(resendGuideAction, {} as FormState<"email">);
  return (
    <form action={action} noValidate className="space-y-5">
      <ErrorSummary errors={summaryErrors(state.fieldErrors, [["email", t("email")]])} />
      <FormMessage tone={state.tone ?? "error"}>{state.message}</FormMessage>
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <button type="submit" className={buttonClass("primary", { fullWidth: true })} disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
