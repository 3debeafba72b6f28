import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { PageShell } from "@/app/components/PageShell";
import { TextField } from "@/app/components/TextField";
import { buttonClass, linkClass } from "@/app/components/styles";
import { titleMetadata } from "@/app/components/page-title";
import { methodsOf, pendingSecondFactor, pendingSignInToken } from "@/lib/second-factor";
import { now } from "@/lib/platform/clock";
import { answerSecondFactorAction } from "../actions";
import { PasskeySignIn } from "./PasskeySignIn";

export const generateMetadata = titleMetadata("SecondFactor", "title");

/**
 * The second step of sign-in, for a browser whose matrix answer was right and that holds the
 * pending sign-in's cookie; anyone else starts again at /login. Plain form posts: the
 * authenticator app and recovery codes work without JavaScript.
 */
export default async function SecondFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ method?: string; retry?: string }>;
}) {
  await connection();
  const { method, retry } = await searchParams;
  const pending = await pendingSecondFactor(await pendingSignInToken(), now());
  if (!pending) redirect("/login?error=second-step");
  const { authenticatorApp, passkeys } = await methodsOf(pending.userId);
  const recovery = method === "recovery" || (!authenticatorApp && passkeys === 0);
  const t = await getTranslations("SecondFactor");
  return (
    <PageShell title={recovery ? t("recoveryTitle") : t("title")} lead={recovery ? t("recoveryLead") : t("lead")}>
      <FormMessage tone="error">
        {retry === "passkey" ? t("passkeyFailed") : retry ? t("failed") : undefined}
      </FormMessage>
      {!recovery && passkeys > 0 ? (
        <Card>
          <PasskeySignIn
            texts={{ use: t("usePasskey"), failed: t("passkeyFailed"), needsJavaScript: t("passkeyNeedsJavaScript") }}
          />
        </Card>
      ) : null}
      {recovery || authenticatorApp ? (
        <Card>
          <form action={answerSecondFactorAction} className="space-y-5">
            <input type="hidden" name="method" value={recovery ? "recovery-code" : "totp"} />
            <TextField
              name="code"
              maxLength={64}
              required
              autoFocus
              {...(recovery
                ? {
                    label: t("recoveryCode"),
                    hint: t("recoveryHint"),
                    autoComplete: "off",
                    autoCapitalize: "none",
                    autoCorrect: "off",
                    spellCheck: false,
                  }
                : { label: t("code"), hint: t("codeHint"), inputMode: "numeric", autoComplete: "one-time-code" })}
            />
            <button type="submit" className={buttonClass("primary", { fullWidth: true })}>
              {t("verify")}
            </button>
          </form>
          <p className="mt-4 text-sm text-muted">{t("expiresNote")}</p>
        </Card>
      ) : null}
      <ul className="space-y-2">
        {recovery ? (
          authenticatorApp || passkeys > 0 ? (
            <li>
              <Link href="/login/second-factor" className={linkClass}>
                {authenticatorApp ? t("useAuthenticatorApp") : t("usePasskeyInstead")}
              </Link>
            </li>
          ) : null
        ) : (
          <li>
            <Link href="/login/second-factor?method=recovery" className={linkClass}>
              {t("useRecoveryCode")}
            </Link>
          </li>
        )}
        <li>
          <Link href="/login" className={linkClass}>
            {t("startAgain")}
          </Link>
        </li>
      </ul>
    </PageShell>
  );
}
