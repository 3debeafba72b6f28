"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useState } from "react";
import { FormMessage } from "@/app/components/FormMessage";
import { buttonClass } from "@/app/components/styles";
import { useHydrated } from "@/app/components/useHydrated";
import { answerSecondFactorAction, passkeySignInOptionsAction } from "../actions";

/**
 * "Use a passkey": the browser signs the server's challenge with one of the user's passkeys, and
 * the assertion is posted as the second step's answer (the same action as a code). Needs
 * JavaScript, and says so without it.
 */
export function PasskeySignIn({ texts }: { texts: { use: string; failed: string; needsJavaScript: string } }) {
  const hydrated = useHydrated();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const use = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { options } = await passkeySignInOptionsAction({ options: null }, new FormData());
      if (!options) throw new Error("no passkey");
      const assertion = await startAuthentication({ optionsJSON: options });
      const form = new FormData();
      form.set("method", "passkey");
      form.set("code", JSON.stringify(assertion));
      await answerSecondFactorAction(form); // redirects: signed in, or the step again
    } catch (error) {
      // Next's redirect travels as a thrown error: let it through.
      if (error instanceof Error && "digest" in error) throw error;
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-3">
      <FormMessage tone="error">{failed ? texts.failed : undefined}</FormMessage>
      {hydrated ? (
        <button type="button" onClick={use} disabled={busy} className={buttonClass("primary", { fullWidth: true })}>
          {texts.use}
        </button>
      ) : (
        // Until the script runs, and for good without JavaScript.
        <p className="text-sm text-muted">{texts.needsJavaScript}</p>
      )}
    </div>
  );
}
