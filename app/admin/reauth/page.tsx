import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { ReauthChallengePage } from "@/app/components/challenge/ReauthChallengePage";
import { titleMetadata } from "@/app/components/page-title";
import { reauthReturnPath } from "@/lib/reauth";
import { requireOperator } from "@/lib/sessions";
import { answerAdminReauthAction, startAdminReauthAction } from "./actions";

export const generateMetadata = titleMetadata("Reauth", "title");

/** "Confirm it's you" before an operator's sensitive action, returning to it afterwards. */
export default async function AdminReauthPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; retry?: string }>;
}) {
  await connection();
  await requireOperator();
  const [params, t] = await Promise.all([searchParams, getTranslations("Reauth")]);
  return (
    <ReauthChallengePage
      next={reauthReturnPath("admin", Array.isArray(params.next) ? params.next[0] : params.next)}
      retry={Boolean(params.retry)}
      startLead={t("adminStartLead")}
      startAction={startAdminReauthAction}
      answerAction={answerAdminReauthAction}
    />
  );
}
