"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/app/components/FormMessage";
import { buttonClass } from "@/app/components/styles";
import { backToPatternAction, confirmPatternAction, type PatternFormState } from "../actions";

export function ConfirmForm() {
  const t = useTranslations("Onboarding");
  const [state, action, pending] = useActionState(confirmPatternAction, {} as PatternFormState);
  return (
    <form action={action} className="space-y-4">
      <FormMessage tone="error">{state.message}</FormMessage>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <button type="submit" formAction={backToPatternAction} className={buttonClass("secondary")} disabled={pending}>
          {t("back")}
        </button>
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {t("confirm")}
        </button>
      </div>
    </form>
  );
}
