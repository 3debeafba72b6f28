import { useTranslations } from "next-intl";

/**
 * An application's credentials as they are shown this once, just after registering or rotating:
 * they live only in the form's state, so a reload or another page loses them for good.
 */
export function Credentials({ clientId, clientSecret }: { clientId?: string; clientSecret: string | null }) {
  const t = useTranslations("AdminApps.credentials");
  const value = "mt-0.5 font-mono text-base break-all text-ink select-all";
  return (
    <div className="space-y-3">
      <dl className="space-y-3 rounded-xl border border-line bg-canvas p-4">
        {clientId ? (
          <div>
            <dt className="text-sm font-semibold text-muted">{t("clientId")}</dt>
            <dd className={value}>{clientId}</dd>
          </div>
        ) : null}
        {clientSecret ? (
          <div>
            <dt className="text-sm font-semibold text-muted">{t("clientSecret")}</dt>
            <dd className={value}>{clientSecret}</dd>
          </div>
        ) : null}
      </dl>
      <p className="text-sm font-medium text-ink">{clientSecret ? t("once") : t("noSecret")}</p>
    </div>
  );
}
