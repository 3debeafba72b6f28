"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useSyncExternalStore } from "react";
import { FieldError } from "@/app/components/FieldError";
import { buttonClass } from "@/app/components/styles";
import { signOutAction } from "@/app/dashboard/actions";
import { acceptTermsAction, type TermsFormState } from "./actions";

/**
 * Accept stays disabled until the box is ticked. Before JavaScript runs (or without it) the
 * button is enabled and the server alone enforces the tick.
 */
const noSubscription = () => () => {};

export function TermsAcceptForm({ version, returnTo }: { version: number; returnTo: string | null }) {
  const t = useTranslations("Terms");
  const [state, action, pending] = useActionState(acceptTermsAction, {} as TermsFormState);
  const [ticked, setTicked] = useState(false);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="version" value={version} />
      {returnTo ? <input type="hidden" name="next" value={returnTo} /> : null}
      <div className="flex items-start gap-3">
        <input
          id="accept"
          name="accept"
          type="checkbox"
          value="yes"
          checked={ticked}
          onChange={(event) => setTicked(event.target.checked)}
          aria-describedby={state.error ? "accept-error" : undefined}
          aria-invalid={state.error ? true : undefined}
          className="mt-1 size-6 shrink-0 accent-brand"
        />
        <label htmlFor="accept" className="font-medium text-ink">
          {t("accept")}
        </label>
      </div>
      <FieldError
        id="accept-error"
        message={state.error ? t(state.error === "mustTick" ? "mustTick" : "outdated") : undefined}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" className={buttonClass("primary")} disabled={pending || (hydrated && !ticked)}>
          {t("acceptButton")}
        </button>
        <button type="submit" formAction={signOutAction} className={buttonClass("secondary")} formNoValidate>
          {t("decline")}
        </button>
      </div>
    </form>
  );
}
