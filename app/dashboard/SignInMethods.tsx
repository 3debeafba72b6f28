import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { buttonClass } from "@/app/components/styles";
import type { SecondFactorStatus } from "@/lib/second-factor";
import { startTotpSetupAction } from "../account/actions";
import { regenerateRecoveryCodesAction, turnOffAuthenticatorAppAction } from "./actions";
import { RecoveryCodesForm } from "./RecoveryCodesForm";

const notices = ["app-off"] as const;
export type MethodsNotice = (typeof notices)[number];
export const methodsNotice = (value: unknown): MethodsNotice | undefined => notices.find((notice) => notice === value);

/** The dashboard's "Sign-in methods": the authenticator app and the recovery codes, each with what can be done. */
export async function SignInMethods({ status, notice }: { status: SecondFactorStatus; notice?: MethodsNotice }) {
  const t = await getTranslations("SignInMethods");
  const { methods, required } = status;
  const onlyRequiredMethod = required && methods.passkeys === 0;
  const subheading = "text-lg font-semibold text-ink";
  return (
    <Card id="sign-in-methods" title={t("title")}>
      <div className="space-y-6">
        <p className="text-muted">{t("lead")}</p>
        {notice ? <FormMessage tone="success">{t(`notices.${notice}`)}</FormMessage> : null}
        {required ? <p className="text-ink">{t("required")}</p> : null}
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
          ) : onlyRequiredMethod ? (
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
