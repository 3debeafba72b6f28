import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { ReauthChallengePage } from "@/app/components/challenge/ReauthChallengePage";
import { titleMetadata } from "@/app/components/page-title";
import { reauthReturnPath } from "@/lib/reauth";
import { requireAcceptedTerms } from "@/lib/sessions";
import { answerMethodsReauthAction, startMethodsReauthAction } from "../actions";

export const generateMetadata = titleMetadata("Reauth", "title");

/** "Confirm it's you" before adding or removing a sign-in method, returning to it afterwards. */
export default async function MethodsReauthPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; retry?: string }>;
}) {
  await connection();
  await requireAcceptedTerms("/account/reauth");
  const [params, t] = await Promise.all([searchParams, getTranslations("Reauth")]);
  return (
    <ReauthChallengePage
      next={reauthReturnPath("methods", Array.isArray(params.next) ? params.next[0] : params.next)}
      retry={Boolean(params.retry)}
      startLead={t("methodsStartLead")}
      startAction={startMethodsReauthAction}
      answerAction={answerMethodsReauthAction}
    />
  );
}
