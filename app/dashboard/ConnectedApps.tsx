import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { buttonClass } from "@/app/components/styles";
import { revokeConnectedAppAction } from "./actions";

const notices = { revoked: "success", "not-found": "error" } as const;
export type AppsNotice = keyof typeof notices;
export const appsNotice = (value: unknown): AppsNotice | undefined =>
  typeof value === "string" && Object.hasOwn(notices, value) ? (value as AppsNotice) : undefined;

/** An application as the list shows it: its date already written in the user's time zone. */
export type ShownConnectedApp = { clientId: string; name: string; scopes: string[]; since: string };

/** The order the consent page lists what an application receives in. */
const SCOPE_ORDER = ["openid", "email", "profile", "company", "offline_access"];

/**
 * The dashboard's "Connected applications": each application the user allowed, what it
 * receives and since when, and "Revoke", which ends its access (its tokens too) at once.
 */
export async function ConnectedApps({ apps, notice }: { apps: ShownConnectedApp[]; notice?: AppsNotice }) {
  const [t, to] = await Promise.all([getTranslations("ConnectedApps"), getTranslations("Oidc")]);
  const scopeText = (scope: string) => {
    const key = `scope_${scope}` as "scope_openid";
    return to.has(key) ? to(key) : null;
  };
  return (
    <Card id="connected-apps" title={t("title")}>
      <div className="space-y-4">
        <p className="text-muted">{t("lead")}</p>
        {notice ? <FormMessage tone={notices[notice]}>{t(`notices.${notice}`)}</FormMessage> : null}
        {apps.length === 0 ? (
          <p className="text-muted">{t("none")}</p>
        ) : (
          <ul aria-labelledby="connected-apps-heading" className="divide-y divide-line rounded-xl border border-line">
            {apps.map((app) => {
              const nameId = `connected-app-${app.clientId}-name`;
              const receives = [...new Set(app.scopes)]
                .sort((a, b) => SCOPE_ORDER.indexOf(a) - SCOPE_ORDER.indexOf(b))
                .map(scopeText)
                .filter((text): text is string => text !== null);
              return (
                <li
                  key={app.clientId}
                  aria-labelledby={nameId}
                  className="flex flex-wrap items-start justify-between gap-3 p-4"
                >
                  <div className="min-w-0 space-y-2">
                    <p id={nameId} className="font-semibold break-words text-ink">
                      {app.name}
                    </p>
                    <div>
                      <p className="text-sm text-muted">{t("receives")}</p>
                      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-ink">
                        {receives.map((text) => (
                          <li key={text}>{text}</li>
                        ))}
                      </ul>
                    </div>
                    <p className="text-sm text-muted">{t("since", { time: app.since })}</p>
                  </div>
                  <form action={revokeConnectedAppAction}>
                    <input type="hidden" name="clientId" value={app.clientId} />
                    <button type="submit" className={buttonClass("secondary")} aria-describedby={nameId}>
                      {t("revoke")}
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </Card>
  );
}
