import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { PageShell } from "@/app/components/PageShell";
import { buttonClass } from "@/app/components/styles";
import { titleMetadata } from "@/app/components/page-title";
import { consentRequest } from "@/lib/oidc/interaction";
import { requirePortalUser } from "@/lib/sessions";

export const generateMetadata = titleMetadata("Oidc", "consentMetaTitle");

type ScopeKey = `scope_${"openid" | "email" | "profile" | "company" | "offline_access"}`;
const known = new Set(["openid", "email", "profile", "company", "offline_access"]);

/** The first time a user signs in to an application: what it receives, Allow or Deny. */
export default async function ConsentPage({ params }: { params: Promise<{ uid: string }> }) {
  await connection();
  const { uid } = await params;
  const here = `/authorize/${encodeURIComponent(uid)}`;
  await requirePortalUser(here);
  const [request, t] = await Promise.all([consentRequest(await headers(), uid), getTranslations("Oidc")]);
  if (!request) redirect(here);
  const application = request.applicationName;
  return (
    <PageShell title={t("consentTitle", { application })} width="narrow">
      <Card>
        <p>{t("consentLead", { application })}</p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          {request.scopes
            .filter((scope) => known.has(scope))
            .map((scope) => (
              <li key={scope}>{t(`scope_${scope}` as ScopeKey)}</li>
            ))}
        </ul>
        <p className="mt-4 text-sm text-muted">{t("consentNote")}</p>
        <form method="post" action={`${here}/decision`} className="mt-6 flex flex-wrap gap-3">
          <button type="submit" name="decision" value="allow" className={buttonClass("primary")}>
            {t("allow")}
          </button>
          <button type="submit" name="decision" value="deny" className={buttonClass("secondary")}>
            {t("deny")}
          </button>
        </form>
      </Card>
    </PageShell>
  );
}
