import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { PageShell } from "@/app/components/PageShell";
import { buttonClass, linkClass } from "@/app/components/styles";
import { ChallengeGrid } from "@/app/components/challenge/ChallengeGrid";
import { ChallengeAnswerForm } from "@/app/components/challenge/ChallengeAnswerForm";
import { pending, reauthReturnPath } from "@/lib/reauth";
import { requireOperator } from "@/lib/sessions";
import { answerAdminReauthAction, startAdminReauthAction } from "./actions";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("AdminUsers", "reauthTitle");

/**
 * "Confirm it's you" before a sensitive action: the pending re-authentication challenge's grid
 * and a one-time password box. Without a pending challenge, a button issues one (a GET changes
 * nothing).
 */
export default async function AdminReauthPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; retry?: string }>;
}) {
  await connection();
  await requireOperator();
  const [params, challenge, t, tl] = await Promise.all([
    searchParams,
    pending(),
    getTranslations("AdminUsers"),
    getTranslations("Login"),
  ]);
  const next = reauthReturnPath("admin", Array.isArray(params.next) ? params.next[0] : params.next);
  return (
    <PageShell title={t("reauthTitle")} lead={challenge ? t("reauthLead") : t("reauthStartLead")}>
      <FormMessage tone="error">{params.retry ? t("reauthFailed") : undefined}</FormMessage>
      {challenge ? (
        <>
          {/* Little side padding on a phone, so the 12 columns keep readable digits and headers. */}
          <Card className="max-sm:px-2 max-sm:py-5">
            <ChallengeGrid digits={challenge.digits} />
            <p className="mt-3 text-center text-sm text-muted">{tl("expiresNote")}</p>
          </Card>
          <Card>
            <ChallengeAnswerForm action={answerAdminReauthAction} next={next} />
          </Card>
        </>
      ) : (
        <Card>
          <p className="text-ink">{t("reauthWhy")}</p>
          <form action={startAdminReauthAction} className="mt-5">
            <input type="hidden" name="next" value={next} />
            <button type="submit" className={buttonClass("primary")}>
              {t("reauthStart")}
            </button>
          </form>
        </Card>
      )}
      <p>
        <Link href={next} className={linkClass}>
          {t("cancel")}
        </Link>
      </p>
    </PageShell>
  );
}
