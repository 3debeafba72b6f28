import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { StartCard } from "@/app/components/StartCard";
import { Field } from "@/app/components/Field";
import { buttonClass, linkClass } from "@/app/components/styles";
import { titleMetadata } from "@/app/components/page-title";
import { now } from "@/lib/platform/clock";
import { pendingTotpSetup, secondFactorStatus } from "@/lib/second-factor";
import { requireAcceptedTerms, SECOND_FACTOR_SETUP_PAGE, safeReturnPath } from "@/lib/sessions";
import { startTotpSetupAction, turnOnTotpAction } from "../actions";
import { TurnOnForm } from "./TurnOnForm";

export const generateMetadata = titleMetadata("Authenticator", "title");

/**
 * Setting up an authenticator app: start (a POST makes the secret), scan the QR code or type the
 * key, turn it on with a first code, save the recovery codes. A user the policy asks for a second
 * factor is sent here before any other page, and goes on to where they were headed.
 */
export default async function AuthenticatorPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  await connection();
  const user = await requireAcceptedTerms(SECOND_FACTOR_SETUP_PAGE);
  const params = await searchParams;
  const next = safeReturnPath(Array.isArray(params.next) ? params.next[0] : params.next) ?? "/dashboard";
  const [setup, status, t] = await Promise.all([
    pendingTotpSetup(user.id, now()),
    secondFactorStatus(user.id),
    getTranslations("Authenticator"),
  ]);
  const texts = {
    codeTitle: t("codeTitle"),
    code: t("code"),
    codeHint: t("codeHint"),
    turnOn: t("turnOn"),
    doneTitle: t("doneTitle"),
    doneLead: t("doneLead"),
    codesLead: t("codesLead"),
    codes: t("codes"),
    continue: t("continue"),
  };
  return (
    <PageShell title={t("title")} lead={user.secondFactorSetupNeeded ? t("requiredLead") : t("lead")} width="narrow">
      <TurnOnForm action={turnOnTotpAction} next={next} ready={setup !== null} texts={texts}>
        {setup ? (
          <Card title={t("scanTitle")}>
            <p className="text-ink">{t("scanNote")}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
            <img
              src={setup.qrCodeDataUrl}
              alt={t("qrAlt")}
              width={200}
              height={200}
              className="mx-auto my-5 bg-white"
            />
            {/* A textarea, so the 32 characters wrap on a phone instead of scrolling out of sight. */}
            <Field
              name="setupKey"
              label={t("setupKey")}
              hint={t("setupKeyHint")}
              control={({ className, ...control }) => (
                <textarea
                  {...control}
                  value={setup.secret}
                  readOnly
                  rows={2}
                  spellCheck={false}
                  className={`${className} resize-none font-mono tracking-wider break-all`}
                />
              )}
            />
          </Card>
        ) : status?.methods.authenticatorApp ? (
          <Card>
            <p className="text-ink">{t("alreadyOn")}</p>
            <Link href={next} className={`${buttonClass("primary")} mt-5 inline-block text-center`}>
              {t("continue")}
            </Link>
          </Card>
        ) : (
          <StartCard note={t("startNote")} action={startTotpSetupAction} label={t("start")} next={next} />
        )}
      </TurnOnForm>
      {user.secondFactorSetupNeeded ? null : (
        <p>
          <Link href="/dashboard" className={linkClass}>
            {t("backToDashboard")}
          </Link>
        </p>
      )}
    </PageShell>
  );
}
