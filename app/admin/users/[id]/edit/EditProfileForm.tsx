"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "@/app/components/ErrorSummary";
import { FormMessage } from "@/app/components/FormMessage";
import { buttonClass } from "@/app/components/styles";
import type { FormState } from "@/app/components/form-state";
import type { ProfileField } from "@/lib/admin/account-actions";
import { editProfileAction } from "../../actions";
import { ProfileFields } from "../../ProfileFields";

export function EditProfileForm({ userId, initial }: { userId: string; initial: Record<ProfileField, string> }) {
  const t = useTranslations("AdminUsers");
  const [state, action, pending] = useActionState(editProfileAction, {} as FormState<ProfileField>);
  const errors = state.fieldErrors ?? {};
  const values = { ...initial, ...state.values };
  return (
    <form action={action} noValidate className="space-y-5" key={JSON.stringify(state.values ?? {})}>
      <input type="hidden" name="userId" value={userId} />
      <ErrorSummary
        errors={summaryErrors(errors, [
          ["name", t("fields.name")],
          ["phone", t("fields.phone")],
          ["company", t("fields.company")],
        ])}
      />
      <FormMessage tone={state.tone ?? "error"}>{state.message}</FormMessage>
      <ProfileFields values={values} errors={errors} />
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {t("saveProfile")}
      </button>
    </form>
  );
}
