"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/app/components/FormMessage";
import { buttonClass } from "@/app/components/styles";
import { retryFailedEmailsAction, type RetryFormState } from "./actions";

export function RetryFailedEmails() {
  const t = useTranslations("AdminOverview");
  const [state, action, pending] = useActionState(retryFailedEmailsAction, {} as RetryFormState);
  return (
    <form action={action} className="space-y-3">
      <button type="submit" className={buttonClass("secondary")} disabled={pending}>
        {pending ? t("retrying") : t("retry")}
      </button>
      <FormMessage tone="success">
        {state.retried !== undefined ? t("retried", { count: state.retried }) : undefined}
      </FormMessage>
    </form>
  );
}
