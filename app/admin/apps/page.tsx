import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { ReauthPrompt } from "@/app/admin/ReauthPrompt";
import { PageShell } from "@/app/components/PageShell";
import { titleMetadata } from "@/app/components/page-title";
import { buttonClass } from "@/app/components/styles";
import { operatorTimeZone } from "@/lib/admin";
import { dateTimeWithZone } from "@/lib/i18n/date-time";
import { listClients } from "@/lib/oidc/clients";
import { RECENT_SIGN_IN_MINUTES, signedInRecently } from "@/lib/reauth";
import { requireOperator } from "@/lib/sessions";
import { Facts } from "../users/[id]/Facts";
import { deleteAppAction, disableAppAction, enableAppAction, registerAppAction, rotateSecretAction } from "./actions";
import { AppStatusBadge } from "./AppStatusBadge";
import { RegisterAppForm } from "./RegisterAppForm";
import { RotateSecretForm } from "./RotateSecretForm";

export const generateMetadata = titleMetadata("AdminApps", "metaTitle");

const dones = ["disable", "enable", "delete"] as const;
const errors = ["not-found"] as const;
const pick = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  (list as readonly unknown[]).includes(value) ? (value as T) : undefined;

/**
 * The applications that sign users in here (OpenID Connect clients): each one's settings and
 * actions, and registering a new one. Every change needs a recent sign-in; a secret is shown
 * once, from the action's answer, and never again.
 */
export default async function AdminAppsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const operator = await requireOperator();
  const [clients, query, recent, timeZone, t, format] = await Promise.all([
    listClients(),
    searchParams,
    signedInRecently(operator, "admin"),
    operatorTimeZone(operator.id),
    getTranslations("AdminApps"),
    getFormatter(),
  ]);
  const when = (date: Date) => format.dateTime(date, { ...dateTimeWithZone, timeZone });
  const done = pick(dones, query.done);
  const error = pick(errors, query.error);
  const deleting = query.confirm === "delete" ? clients.find((client) => client.id === query.client) : undefined;
  const uris = (list: string[]) =>
    list.length === 0 ? (
      t("noUris")
    ) : (
      <ul className="space-y-1 font-mono text-sm">
        {list.map((uri) => (
          <li key={uri}>{uri}</li>
        ))}
      </ul>
    );

  return (
    <PageShell title={t("title")} width="wide" lead={t("lead")}>
      <FormMessage tone="success">{done ? t(`done.${done}`) : undefined}</FormMessage>
      <FormMessage tone="error">{error ? t(`errors.${error}`) : undefined}</FormMessage>

      {deleting ? (
        <section
          id="confirm"
          aria-labelledby="confirm-heading"
          className="rounded-2xl border-2 border-brand/40 bg-surface p-5 shadow-sm sm:p-8"
        >
          <h2 id="confirm-heading" className="text-xl font-semibold text-ink">
            {t("confirmDelete.title", { name: deleting.name })}
          </h2>
          <p className="mt-3 text-ink">{t("confirmDelete.body")}</p>
          <form action={deleteAppAction} className="mt-5 flex flex-wrap items-center gap-4">
            <input type="hidden" name="clientId" value={deleting.id} />
            <button type="submit" className={buttonClass("danger")}>
              {t("confirmDelete.yes")}
            </button>
            <Link href="/admin/apps" className={buttonClass("secondary")}>
              {t("cancel")}
            </Link>
          </form>
        </section>
      ) : null}

      <Card id="applications" title={t("listTitle")}>
        {clients.length === 0 ? (
          <p className="text-muted">{t("none")}</p>
        ) : (
          <ul aria-labelledby="applications-heading" className="divide-y divide-line rounded-xl border border-line">
            {clients.map((client) => {
              const nameId = `app-${client.id}-name`;
              const rotateHintId = `app-${client.id}-rotate-hint`;
              return (
                <li key={client.id} aria-labelledby={nameId} className="space-y-4 p-4 sm:p-5">
                  <h3 id={nameId} className="text-lg font-semibold break-words text-ink">
                    {client.name}
                  </h3>
                  <Facts
                    items={[
                      [
                        t("clientId"),
                        <code key="id" className="font-mono text-sm select-all">
                          {client.id}
                        </code>,
                      ],
                      [t("fields.clientType"), t(`types.${client.confidential ? "confidential" : "public"}`)],
                      [t("firstPartyFact"), client.firstParty ? t("firstPartyYes") : t("firstPartyNo")],
                      [
                        t("scopes"),
                        <span key="scopes" className="font-mono text-sm">
                          {client.scopes.join(" ")}
                        </span>,
                      ],
                      [t("fields.redirectUris"), uris(client.redirectUris)],
                      [t("fields.postLogoutRedirectUris"), uris(client.postLogoutRedirectUris)],
                      [t("status"), <AppStatusBadge key="status" disabled={client.disabledAt !== null} />],
                      [t("registeredAt"), when(client.createdAt)],
                    ]}
                  />
                  <div className="flex flex-wrap items-start gap-3">
                    {client.confidential ? (
                      <RotateSecretForm
                        action={rotateSecretAction}
                        clientId={client.id}
                        name={client.name}
                        describedBy={`${nameId} ${rotateHintId}`}
                      />
                    ) : null}
                    <form action={client.disabledAt ? enableAppAction : disableAppAction}>
                      <input type="hidden" name="clientId" value={client.id} />
                      <button type="submit" className={buttonClass("secondary")} aria-describedby={nameId}>
                        {client.disabledAt ? t("actions.enable") : t("actions.disable")}
                      </button>
                    </form>
                    {/* A plain GET: "Delete" first asks to confirm, at the top of the page. */}
                    <form method="get" action="/admin/apps">
                      <input type="hidden" name="confirm" value="delete" />
                      <input type="hidden" name="client" value={client.id} />
                      <button type="submit" className={buttonClass("danger")} aria-describedby={nameId}>
                        {t("actions.delete")}
                      </button>
                    </form>
                  </div>
                  {client.confidential ? (
                    <p id={rotateHintId} className="text-sm text-muted">
                      {t("rotateHint")}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <p className="mt-4 text-sm text-muted">{t("sensitiveNote", { minutes: RECENT_SIGN_IN_MINUTES.admin })}</p>
      </Card>

      <Card id="register" title={recent ? t("registerTitle") : t("reauthTitle")}>
        {recent ? (
          <>
            <p className="mb-5 text-ink">{t("registerNote")}</p>
            <RegisterAppForm action={registerAppAction} />
          </>
        ) : (
          <ReauthPrompt
            body={t("reauthBody", { minutes: RECENT_SIGN_IN_MINUTES.admin })}
            link={t("reauthLink")}
            next="/admin/apps"
          />
        )}
      </Card>
    </PageShell>
  );
}
