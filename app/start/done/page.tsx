import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { SignInNextPage } from "@/app/components/SignInNextPage";
import { ChallengeAnswerForm } from "@/app/components/challenge/ChallengeAnswerForm";
import { ChallengeGrid } from "@/app/components/challenge/ChallengeGrid";
import { titleMetadata } from "@/app/components/page-title";
import { linkClass } from "@/app/components/styles";
import { loadPendingChallenge, pendingPractice } from "@/lib/login";
import { now } from "@/lib/platform/clock";
import { answerPracticeAction } from "../actions";

export const generateMetadata = titleMetadata("Onboarding", "doneTitle");

const outcomes = { right: "success", wrong: "error", expired: "info" } as const;
type Outcome = keyof typeof outcomes;
const messageKey = { right: "practiceRight", wrong: "practiceWrong", expired: "practiceExpired" } as const;

/**
 * The matrix password is set: a practice grid on it (this browser only, signs nobody in), and
 * the offer of a second sign-in method once signed in.
 */
export default async function OnboardingDonePage({ searchParams }: { searchParams: Promise<{ practice?: string }> }) {
  await connection();
  const [{ practice }, challengeId, t] = await Promise.all([
    searchParams,
    pendingPractice(),
    getTranslations("Onboarding"),
  ]);
  const grid = challengeId ? await loadPendingChallenge(challengeId, now(), "practice") : null;
  const outcome = practice && Object.hasOwn(outcomes, practice) ? (practice as Outcome) : undefined;
  return (
    <SignInNextPage title={t("doneTitle")} body={t("doneBody")} action={t("doneAction")}>
      {grid || outcome ? (
        // Little side padding on a phone, so the 12 columns keep readable digits and headers.
        <Card id="practice" title={t("practiceTitle")} className="max-sm:px-2">
          <div className="space-y-5">
            {outcome ? <FormMessage tone={outcomes[outcome]}>{t(messageKey[outcome])}</FormMessage> : null}
            {grid ? (
              <>
                <p className="text-ink">{t("practiceLead")}</p>
                <ChallengeGrid digits={grid.digits} />
                <ChallengeAnswerForm action={answerPracticeAction} autoFocus={false} />
              </>
            ) : null}
          </div>
        </Card>
      ) : null}
      <Card title={t("secondFactorTitle")}>
        <p className="text-ink">{t("secondFactorBody")}</p>
        <p className="mt-4">
          <Link href="/login?next=%2Faccount%2Fauthenticator" className={linkClass}>
            {t("secondFactorLink")}
          </Link>
        </p>
      </Card>
    </SignInNextPage>
  );
}
