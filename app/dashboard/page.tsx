import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { DataTable } from "@/app/components/DataTable";
import { FormMessage } from "@/app/components/FormMessage";
import { PageShell } from "@/app/components/PageShell";
import { SessionsTable } from "@/app/components/SessionsTable";
import { buttonClass } from "@/app/components/styles";
import { accountProfile } from "@/lib/account";
import { dateTimeWithZone } from "@/lib/i18n/date-time";
import { signInSummary } from "@/lib/login";
import { listConnectedApplications } from "@/lib/oidc/grants";
import { now } from "@/lib/platform/clock";
import { listPasskeys, secondFactorStatus } from "@/lib/second-factor";
import { listSessions, requirePortalUser } from "@/lib/sessions";
import { endOwnSessionAction, signOutAction, signOutEverywhereAction } from "./actions";
import { appsNotice, ConnectedApps } from "./ConnectedApps";
import { methodsNotice, SignInMethods } from "./SignInMethods";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("Dashboard", "account");

const sessionNotices = { ended: "success", "not-found": "error" } as const;

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const user = await requirePortalUser("/dashboard");
  const [profile, summary, sessions, methods, passkeys, connectedApps, query, t, ts, format] = await Promise.all([
    accountProfile(user.id),
    signInSummary(user.id),
    listSessions(user.id, now(), user.sessionId),
    secondFactorStatus(user.id),
    listPasskeys(user.id),
    listConnectedApplications(user.id),
    searchParams,
    getTranslations("Dashboard"),
    getTranslations("Sessions"),
    getFormatter(),
  ]);
  const notice =
    typeof query.session === "string" && Object.hasOwn(sessionNotices, query.session)
      ? (query.session as keyof typeof sessionNotices)
      : undefined;
  if (!profile || !methods) return null;
  const when = (date: Date) => format.dateTime(date, { ...dateTimeWithZone, timeZone: profile.timeZone });
  // Catalogue keys cannot hold dots, so "login.succeeded" is looked up as "login_succeeded".
  const eventName = (event: string) => {
    const key = `events.${event.replaceAll(".", "_")}` as "events.other";
    return t.has(key) ? t(key) : t("events.other");
  };
  return (
    <PageShell title={t("title", { name: profile.name })} width="wide" lead={profile.company ?? undefined}>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-2">
        <Card title={t("lastSignIn")}>
          <p className="text-ink">
            {summary.previousSignIn
              ? t("lastSignInValue", {
                  time: when(summary.previousSignIn.at),
                  ip: summary.previousSignIn.ip ?? t("unknownIp"),
                })
              : t("firstSignIn")}
          </p>
          <p className="mt-3 text-ink">
            {t.rich("failedSince", {
              count: summary.failedSincePrevious,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          {summary.failedSincePrevious > 0 ? <p className="mt-2 text-sm text-muted">{t("failedWarning")}</p> : null}
        </Card>
        <Card title={t("account")}>
          <p className="text-ink wrap-anywhere">{profile.email}</p>
          <form action={signOutAction} className="mt-5 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            <Link href="/account/password" className={`${buttonClass("primary")} text-center`}>
              {t("changePassword")}
            </Link>
            <button type="submit" className={buttonClass("secondary")}>
              {t("signOut")}
            </button>
            <button
              type="submit"
              formAction={signOutEverywhereAction}
              className={buttonClass("secondary")}
              aria-describedby="sign-out-everywhere-hint"
            >
              {t("signOutEverywhere")}
            </button>
          </form>
          <p id="sign-out-everywhere-hint" className="mt-3 text-sm text-muted">
            {t("signOutEverywhereHint")}
          </p>
        </Card>
      </div>
      <SignInMethods
        status={methods}
        passkeys={passkeys.map(({ id, name, createdAt, lastUsedAt }) => ({
          id,
          name,
          added: when(createdAt),
          used: lastUsedAt ? when(lastUsedAt) : null,
        }))}
        notice={methodsNotice(query.methods)}
      />
      <ConnectedApps
        apps={connectedApps.map(({ clientId, name, scopes, since }) => ({
          clientId,
          name,
          scopes,
          since: when(since),
        }))}
        notice={appsNotice(query.apps)}
      />
      <Card id="sessions" title={ts("yourSessions")}>
        {notice ? (
          <div className="mb-4">
            <FormMessage tone={sessionNotices[notice]}>{ts(`notices.${notice}`)}</FormMessage>
          </div>
        ) : null}
        <SessionsTable sessions={sessions} endAction={endOwnSessionAction} when={when} />
      </Card>
      <Card title={t("activity")}>
        {summary.recentEvents.length === 0 ? (
          <p className="text-muted">{t("noActivity")}</p>
        ) : (
          <DataTable caption={t("activityCaption")} columns={[t("when"), t("event"), t("from")]}>
            {summary.recentEvents.map((event, index) => (
              <tr key={index} className="border-b border-line last:border-0">
                <td className="py-2 pr-4 align-top text-ink sm:whitespace-nowrap">{when(event.occurredAt)}</td>
                <td className="py-2 pr-4 align-top text-ink">{eventName(event.event)}</td>
                <td className="py-2 align-top break-all text-ink">{event.ip ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </PageShell>
  );
}
