import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { buttonClass } from "@/app/components/styles";
import { mayRemoveMethod, type SecondFactorStatus } from "@/lib/second-factor";
import { startTotpSetupAction } from "../account/actions";
import { regenerateRecoveryCodesAction, removePasskeyAction, turnOffAuthenticatorAppAction } from "./actions";
import { AddPasskey } from "./AddPasskey";
import { RecoveryCodesForm } from "./RecoveryCodesForm";

const notices = ["app-off", "passkey-removed"] as const;
export type MethodsNotice = (typeof notices)[number];
export const methodsNotice = (value: unknown): MethodsNotice | undefined => notices.find((notice) => notice === value);

/** A passkey as the list shows it: its name and dates already written in the user's time zone. */
export type ShownPasskey = { id: string; name: string; added: string; used: string | null };

/** The dashboard's "Sign-in methods": passkeys, the authenticator app and recovery codes, each with what can be done. */
export async function SignInMethods({
  status,
  passkeys,
  notice,
}: {
  status: SecondFactorStatus;
  passkeys: ShownPasskey[];
  notice?: MethodsNotice;
}) {
  const t = await getTranslations("SignInMethods");
  const { methods, required } = status;
  const removable = mayRemoveMethod(status);
  const subheading = "text-lg font-semibold text-ink";
  return (
    <Card id="sign-in-methods" title={t("title")}>
      <div className="space-y-6">
        <p className="text-muted">{t("lead")}</p>
        {notice ? <FormMessage tone="success">{t(`notices.${notice}`)}</FormMessage> : null}
        {required ? <p className="text-ink">{t("required")}</p> : null}
        <section aria-labelledby="passkeys-heading" className="space-y-3">
          <h3 id="passkeys-heading" className={subheading}>
            {t("passkeysTitle")}
          </h3>
          {passkeys.length === 0 ? (
            <p className="text-muted">{t("passkeysNone")}</p>
          ) : (
            <ul aria-labelledby="passkeys-heading" className="divide-y divide-line rounded-xl border border-line">
              {passkeys.map((passkey) => (
                <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                  <div className="min-w-0">
                    <p className="font-semibold break-words text-ink">{passkey.name}</p>
                    <p className="text-sm text-muted">
                      {t("passkeyDates", { added: passkey.added, used: passkey.used ?? "never" })}
                    </p>
                  </div>
                  {removable ? (
                    <form action={removePasskeyAction}>
                      <input type="hidden" name="passkeyId" value={passkey.id} />
                      <button type="submit" className={buttonClass("secondary")}>
                        {t("remove")}
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <AddPasskey
            texts={{
              add: t("addPasskey"),
              name: t("passkeyName"),
              nameHint: t("passkeyNameHint"),
              save: t("savePasskey"),
              nameInvalid: t("passkeyNameInvalid"),
              failed: t("passkeyFailed"),
              needsJavaScript: t("passkeyNeedsJavaScript"),
              added: t("passkeyAdded"),
              codesLead: t("passkeyCodes"),
              codes: t("recoveryTitle"),
            }}
          />
        </section>
        <section aria-labelledby="authenticator-app-heading" className="space-y-3">
          <h3 id="authenticator-app-heading" className={subheading}>
            {t("appTitle")}
          </h3>
          <p className="text-ink">{methods.authenticatorApp ? t("appOn") : t("appOff")}</p>
          {!methods.authenticatorApp ? (
            <form action={startTotpSetupAction}>
              <button type="submit" className={buttonClass("primary")}>
                {t("setUpApp")}
              </button>
            </form>
          ) : !removable ? (
            <p className="text-sm text-muted">{t("turnOffRequired")}</p>
          ) : (
            <form action={turnOffAuthenticatorAppAction}>
              <button type="submit" className={buttonClass("secondary")}>
                {t("turnOffApp")}
              </button>
            </form>
          )}
        </section>
        <section aria-labelledby="recovery-codes-heading" className="space-y-3">
          <h3 id="recovery-codes-heading" className={subheading}>
            {t("recoveryTitle")}
          </h3>
          {methods.enrolled ? (
            <>
              <p className="text-ink">{t("recoveryLeft", { count: methods.recoveryCodes })}</p>
              <RecoveryCodesForm
                action={regenerateRecoveryCodesAction}
                texts={{
                  regenerate: t("regenerate"),
                  hint: t("regenerateHint"),
                  regenerated: t("regenerated"),
                  codes: t("recoveryTitle"),
                }}
              />
            </>
          ) : (
            <p className="text-muted">{t("recoveryNone")}</p>
          )}
        </section>
      </div>
    </Card>
  );
}
