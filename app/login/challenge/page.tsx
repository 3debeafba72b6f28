import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { PageShell } from "@/app/components/PageShell";
import { linkClass } from "@/app/components/styles";
import { loadPendingChallenge, pendingLogin } from "@/lib/login";
import { answerChallengeAction } from "../actions";
import { ChallengeGrid } from "@/app/components/challenge/ChallengeGrid";
import { ChallengeAnswerForm } from "@/app/components/challenge/ChallengeAnswerForm";
import { now } from "@/lib/platform/clock";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Login", "challengeTitle");

/** Reloading shows the same pending challenge; an answered or expired one sends back to /login. */
export default async function ChallengePage({ searchParams }: { searchParams: Promise<{ retry?: string }> }) {
  await connection();
  const { retry } = await searchParams;
  const { challengeId } = await pendingLogin();
  const challenge = challengeId ? await loadPendingChallenge(challengeId, now()) : null;
  if (!challenge) redirect("/login?error=expired");
  const t = await getTranslations("Login");
  return (
    <PageShell title={t("challengeTitle")} width="default" lead={t("challengeLead")}>
      <FormMessage tone="error">{retry ? t("failed") : undefined}</FormMessage>
      {/* A card from sm up; on a phone the grid takes the full width so its digits stay large. */}
      <div className="sm:rounded-2xl sm:border sm:border-line sm:bg-surface sm:px-6 sm:py-8 sm:shadow-sm">
        <ChallengeGrid digits={challenge.digits} />
        <p className="mt-4 text-center text-sm text-muted">{t("expiresNote")}</p>
      </div>
      <Card>
        <ChallengeAnswerForm action={answerChallengeAction} />
      </Card>
      <p>
        <Link href="/login" className={linkClass}>
          {t("otherAccount")}
        </Link>
      </p>
    </PageShell>
  );
}
