import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { PageShell } from "@/app/components/PageShell";
import { StartCard } from "@/app/components/StartCard";
import { linkClass } from "@/app/components/styles";
import { pending } from "@/lib/reauth";
import { ChallengeAnswerForm } from "./ChallengeAnswerForm";
import { ChallengeGrid } from "./ChallengeGrid";

type Action = (form: FormData) => Promise<void>;

/**
 * "Confirm it's you" before a sensitive action, for any re-authentication scope: the pending
 * challenge's grid and a one-time password box. Without a pending challenge, a button issues
 * one (a GET changes nothing). The caller has checked who may see it.
 */
export async function ReauthChallengePage({
  next,
  retry,
  startLead,
  startAction,
  answerAction,
}: {
  /** Where the user returns once they have answered (or cancel). */
  next: string;
  retry: boolean;
  /** Why this area asks: what needs a recent sign-in. */
  startLead: string;
  startAction: Action;
  answerAction: Action;
}) {
  const [challenge, t, tl] = await Promise.all([pending(), getTranslations("Reauth"), getTranslations("Login")]);
  return (
    <PageShell title={t("title")} lead={challenge ? t("lead") : startLead}>
      <FormMessage tone="error">{retry ? t("failed") : undefined}</FormMessage>
      {challenge ? (
        <>
          {/* Little side padding on a phone, so the 12 columns keep readable digits and headers. */}
          <Card className="max-sm:px-2 max-sm:py-5">
            <ChallengeGrid digits={challenge.digits} />
            <p className="mt-3 text-center text-sm text-muted">{tl("expiresNote")}</p>
          </Card>
          <Card>
            <ChallengeAnswerForm action={answerAction} next={next} />
          </Card>
        </>
      ) : (
        <StartCard note={t("why")} action={startAction} label={t("start")} next={next} />
      )}
      <p>
        <Link href={next} className={linkClass}>
          {t("cancel")}
        </Link>
      </p>
    </PageShell>
  );
}
