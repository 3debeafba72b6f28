"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { RecoveryCodeList } from "@/app/components/RecoveryCodeList";
import { TextField } from "@/app/components/TextField";
import { buttonClass } from "@/app/components/styles";
import type { TurnOnState } from "../actions";

type Texts = Record<
  "codeTitle" | "code" | "codeHint" | "turnOn" | "doneTitle" | "doneLead" | "codesLead" | "codes" | "continue",
  string
>;

/**
 * The setup's last step: the first code from the app turns it on, and then, once, the recovery
 * codes made with it. Until then the page's own steps (`children`: the QR code and key, or how
 * to start) show above the form. Works without JavaScript: the state comes back in the page.
 */
export function TurnOnForm({
  action: submit,
  next,
  ready,
  texts,
  children,
}: {
  action: (state: TurnOnState, form: FormData) => Promise<TurnOnState>;
  /** Where "Continue" leads once the app is on. */
  next: string;
  /** A setup is waiting for its first code. */
  ready: boolean;
  texts: Texts;
  children: ReactNode;
}) {
  const [state, action, pending] = useActionState(submit, {});
  if (state.on) {
    return (
      <Card title={texts.doneTitle}>
        <p className="text-ink">{texts.doneLead}</p>
        {state.recoveryCodes ? (
          <div className="mt-5 space-y-3">
            <p className="text-ink">{texts.codesLead}</p>
            <RecoveryCodeList codes={state.recoveryCodes} label={texts.codes} />
          </div>
        ) : null}
        <Link href={next} className={`${buttonClass("primary")} mt-6 inline-block text-center`}>
          {texts.continue}
        </Link>
      </Card>
    );
  }
  return (
    <>
      <FormMessage tone="error">{state.message}</FormMessage>
      {children}
      {ready ? (
        <Card title={texts.codeTitle}>
          <form action={action} noValidate className="space-y-5">
            <input type="hidden" name="next" value={next} />
            <TextField
              name="code"
              label={texts.code}
              hint={texts.codeHint}
              error={state.fieldErrors?.code}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={64}
              required
            />
            <button type="submit" className={buttonClass("primary", { fullWidth: true })} disabled={pending}>
              {texts.turnOn}
            </button>
          </form>
        </Card>
      ) : null}
    </>
  );
}
