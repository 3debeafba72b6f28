"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/app/components/FormMessage";
import { buttonClass } from "@/app/components/styles";
import { Credentials } from "./Credentials";
import type { RotateSecretState } from "./fields";

/**
 * "Rotate secret" beside a confidential application, and its new secret right under the row of
 * buttons, this once (it lives only in the form's state). `describedBy` names the application.
 */
export function RotateSecretForm({
  action: submit,
  clientId,
  name,
  describedBy,
}: {
  action: (state: RotateSecretState, form: FormData) => Promise<RotateSecretState>;
  clientId: string;
  name: string;
  describedBy: string;
}) {
  const t = useTranslations("AdminApps");
  const [state, action, pending] = useActionState(submit, {} as RotateSecretState);
  return (
    <>
      <form action={action}>
        <input type="hidden" name="clientId" value={clientId} />
        <button type="submit" className={buttonClass("secondary")} disabled={pending} aria-describedby={describedBy}>
          {t("actions.rotate")}
        </button>
      </form>
      <div className="order-last basis-full space-y-4">
        <FormMessage tone="success">{state.clientSecret ? t("rotated", { name }) : undefined}</FormMessage>
        <FormMessage tone="error">{state.clientSecret ? undefined : state.message}</FormMessage>
        {state.clientSecret ? <Credentials clientSecret={state.clientSecret} /> : null}
      </div>
    </>
  );
}
