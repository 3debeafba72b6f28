"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormMessage } from "@/app/components/FormMessage";
import { RecoveryCodeList } from "@/app/components/RecoveryCodeList";
import { TextField } from "@/app/components/TextField";
import { useHydrated } from "@/app/components/useHydrated";
import { buttonClass } from "@/app/components/styles";
import { passkeyRegistrationOptionsAction, savePasskeyAction, type SavePasskeyState } from "./actions";

type Texts = Record<
  "add" | "name" | "nameHint" | "save" | "nameInvalid" | "failed" | "needsJavaScript" | "added" | "codesLead" | "codes",
  string
>;

/**
 * "Add a passkey": a name, then the browser's own prompt (fingerprint, face, screen lock or a
 * security key) creates the passkey, and its public key is saved. Needs JavaScript, and says so
 * without it.
 */
export function AddPasskey({ texts }: { texts: Texts }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<SavePasskeyState>({});
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (String(form.get("name") ?? "").trim() === "") return setState({ error: "name-invalid" });
    setBusy(true);
    try {
      const { options } = await passkeyRegistrationOptionsAction({ options: null }, new FormData());
      if (!options) throw new Error("no options");
      form.set("response", JSON.stringify(await startRegistration({ optionsJSON: options })));
      const saved = await savePasskeyAction({}, form);
      setState(saved);
      if (saved.saved) {
        setOpen(false);
        router.refresh(); // the list above shows the new passkey
      }
    } catch (error) {
      // Next's redirect (to "Confirm it's you") travels as a thrown error: let it through.
      if (error instanceof Error && "digest" in error) throw error;
      setState({ error: "not-saved" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-4">
      <FormMessage tone={state.saved ? "success" : "error"}>
        {state.saved ? texts.added : state.error === "not-saved" ? texts.failed : undefined}
      </FormMessage>
      {state.recoveryCodes ? (
        <div className="space-y-3">
          <p className="text-ink">{texts.codesLead}</p>
          <RecoveryCodeList codes={state.recoveryCodes} label={texts.codes} />
        </div>
      ) : null}
      {open ? (
        <form onSubmit={save} noValidate className="space-y-4">
          <TextField
            name="name"
            label={texts.name}
            hint={texts.nameHint}
            error={state.error === "name-invalid" ? texts.nameInvalid : undefined}
            maxLength={64}
            autoComplete="off"
            required
            autoFocus
          />
          <button type="submit" className={buttonClass("primary")} disabled={busy}>
            {texts.save}
          </button>
        </form>
      ) : hydrated ? (
        <button type="button" className={buttonClass("secondary")} onClick={() => setOpen(true)}>
          {texts.add}
        </button>
      ) : (
        // Until the script runs, and for good without JavaScript.
        <p className="text-sm text-muted">{texts.needsJavaScript}</p>
      )}
    </div>
  );
}
