"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/components/FormMessage";
import { RecoveryCodeList } from "@/app/components/RecoveryCodeList";
import { buttonClass } from "@/app/components/styles";
import type { RecoveryCodesState } from "./actions";

/** "Regenerate recovery codes", and the new codes right under it, this once (they live only in the form's state). */
export function RecoveryCodesForm({
  action: submit,
  texts,
}: {
  action: (state: RecoveryCodesState, form: FormData) => Promise<RecoveryCodesState>;
  texts: { regenerate: string; hint: string; regenerated: string; codes: string };
}) {
  const [state, action, pending] = useActionState(submit, {});
  return (
    <div className="space-y-4">
      <form action={action}>
        <button
          type="submit"
          className={buttonClass("secondary")}
          disabled={pending}
          aria-describedby="regenerate-hint"
        >
          {texts.regenerate}
        </button>
        <p id="regenerate-hint" className="mt-2 text-sm text-muted">
          {texts.hint}
        </p>
      </form>
      <FormMessage tone="success">{state.codes ? texts.regenerated : undefined}</FormMessage>
      {state.codes ? <RecoveryCodeList codes={state.codes} label={texts.codes} /> : null}
    </div>
  );
}
