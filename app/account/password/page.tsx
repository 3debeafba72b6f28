import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { StartCard } from "@/app/components/StartCard";
import { PageShell } from "@/app/components/PageShell";
import { linkClass } from "@/app/components/styles";
import { ChallengeGrid } from "@/app/components/challenge/ChallengeGrid";
import { ChallengeAnswerForm } from "@/app/components/challenge/ChallengeAnswerForm";
import { pending } from "@/lib/reauth";
import { requirePortalUser } from "@/lib/sessions";
import { answerReauthenticationAction, startPatternChangeAction } from "../actions";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Account", "changeTitle");

export default async function ChangePatternPage({ searchParams }: { searchParams: Promise<{ retry?: string }> }) {
  await connection();
  await requirePortalUser("/account/password");
  const [{ retry }, challenge, t] = await Promise.all([searchParams, pending(), getTranslations("Account")]);
  return (
    <PageShell title={t("changeTitle")} lead={challenge ? t("reauthLead") : t("changeLead")}>
      {challenge ? (
        <>
          <FormMessage tone="error">{retry ? t("failed") : undefined}</FormMessage>
          {/* Little side padding on a phone, so the 12 columns keep readable digits and headers. */}
          <Card className="max-sm:px-2 max-sm:py-5">
            <ChallengeGrid digits={challenge.digits} />
          </Card>
          <Card>
            <ChallengeAnswerForm action={answerReauthenticationAction} />
          </Card>
        </>
      ) : (
        <StartCard note={t("changeNote")} action={startPatternChangeAction} label={t("start")} />
      )}
      <p>
        <Link href="/dashboard" className={linkClass}>
          {t("backToDashboard")}
        </Link>
      </p>
    </PageShell>
  );
}
