import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { PageShell } from "@/app/components/PageShell";
import { TextField } from "@/app/components/TextField";
import { buttonClass, linkClass } from "@/app/components/styles";
import { safeReturnPath } from "@/lib/sessions";
import { startSignInAction } from "./actions";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Login", "title");

const notices = {
  expired: "expired",
  "second-step": "secondStepEnded",
  "signed-out": "signedOut",
  ended: "sessionEnded",
} as const;

/** Plain HTML form posting to a server action: works without JavaScript. */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const t = await getTranslations("Login");
  const error = params.error === "email" ? t("emailInvalid") : undefined;
  const notice =
    typeof params.error === "string" && params.error in notices
      ? t(notices[params.error as keyof typeof notices])
      : undefined;
  const next = safeReturnPath(params.next);
  return (
    <PageShell title={t("title")} width="narrow" lead={t("lead")}>
      <Card>
        <form action={startSignInAction} noValidate className="space-y-5">
          <FormMessage tone="info">{notice}</FormMessage>
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <TextField name="email" type="email" label={t("email")} autoComplete="username" required error={error} />
          <button type="submit" className={buttonClass("primary", { fullWidth: true })}>
            {t("send")}
          </button>
        </form>
      </Card>
      <p className="text-sm text-muted">
        {t("noAccount")}{" "}
        <Link href="/faq#no-email" className={linkClass}>
          {t("faqLink")}
        </Link>
      </p>
    </PageShell>
  );
}
