import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Card } from "@/app/components/Card";
import { FormMessage } from "@/app/components/FormMessage";
import { PageShell } from "@/app/components/PageShell";
import { SessionsTable } from "@/app/components/SessionsTable";
import { buttonClass } from "@/app/components/styles";
import { directoryUser, operatorTimeZone, type DirectoryUser } from "@/lib/admin";
import { now } from "@/lib/platform/clock";
import { dateTimeWithZone } from "@/lib/i18n/date-time";
import { listSessions, requireOperator } from "@/lib/sessions";
import {
  disableAction,
  enableAction,
  endUserSessionAction,
  resendGuideAction,
  resetPasswordAction,
  resetSecondFactorsAction,
  unlockAction,
} from "../actions";
import { listPasskeys, secondFactorStatus, type SecondFactorMethods } from "@/lib/second-factor";
import { SignInMethodsCard } from "./SignInMethodsCard";
import { BackToList } from "../BackToList";
import { StatusBadge } from "../StatusBadge";
import { Facts } from "./Facts";
import { UserEventsTable } from "./UserEventsTable";
import { titleMetadata } from "@/app/components/page-title";

export const generateMetadata = titleMetadata("AdminUsers", "detailTitle");

type Action = "resend" | "reset" | "unlock" | "disable" | "enable" | "factors";

const actions: Record<Action, { run: (form: FormData) => Promise<void>; danger: boolean }> = {
  resend: { run: resendGuideAction, danger: false },
  reset: { run: resetPasswordAction, danger: true },
  unlock: { run: unlockAction, danger: false },
  disable: { run: disableAction, danger: true },
  enable: { run: enableAction, danger: false },
  factors: { run: resetSecondFactorsAction, danger: true },
};

/** The actions that make sense for this user now, in display order. */
function availableActions(user: DirectoryUser, operatorId: string, methods: SecondFactorMethods): Action[] {
  const self = user.id === operatorId;
  const list: Action[] = [];
  if (user.status === "invited") list.push("resend");
  if (user.hasPassword && user.status !== "disabled" && !self) list.push("reset");
  if (user.locked || user.failuresSinceUnlock > 0 || user.consecutiveFailures > 0) list.push("unlock");
  if ((methods.enrolled || methods.recoveryCodes > 0) && !self) list.push("factors");
  if (user.status === "disabled") list.push("enable");
  else if (!self) list.push("disable");
  return list;
}

const dones = [
  "registered",
  "profile",
  "unchanged",
  "resend",
  "reset",
  "unlock",
  "disable",
  "enable",
  "session",
  "factors",
  "requirement",
] as const;
const errors = [
  "not-invited",
  "no-password",
  "disabled",
  "self",
  "unchanged",
  "not-found",
  "session-not-found",
  "nothing-to-reset",
  "invalid",
] as const;
const pick = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  (list as readonly unknown[]).includes(value) ? (value as T) : undefined;

export default async function UserDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const operator = await requireOperator();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const at = now();
  const user = await directoryUser(id, at);
  if (!user) notFound();
  const [sessions, methods, passkeys, t, format, timeZone] = await Promise.all([
    listSessions(user.id, at, operator.sessionId),
    secondFactorStatus(user.id),
    listPasskeys(user.id),
    getTranslations("AdminUsers"),
    getFormatter(),
    operatorTimeZone(operator.id),
  ]);
  const when = (date: Date) => format.dateTime(date, { ...dateTimeWithZone, timeZone });

  if (!methods) notFound();
  const available = availableActions(user, operator.id, methods.methods);
  const confirm = pick(available, query.confirm);
  const done = pick(dones, query.done);
  const error = pick(errors, query.error);
  const self = user.id === operator.id;

  const lockState = user.needsOperatorUnlock
    ? t("lockedForOperator")
    : user.locked && user.lockedUntil
      ? t("lockedUntil", { time: when(user.lockedUntil) })
      : t("notLocked");

  return (
    <PageShell title={user.name} width="wide" lead={user.email}>
      <FormMessage tone="success">{done ? t(`done.${done}`) : undefined}</FormMessage>
      <FormMessage tone="error">{error ? t(`errors.${error}`) : undefined}</FormMessage>

      {confirm ? (
        <section
          id="confirm"
          aria-labelledby="confirm-heading"
          className="rounded-2xl border-2 border-brand/40 bg-surface p-5 shadow-sm sm:p-8"
        >
          <h2 id="confirm-heading" className="text-xl font-semibold text-ink">
            {t(`confirm.${confirm}.title`, { name: user.name })}
          </h2>
          <p className="mt-3 text-ink">{t(`confirm.${confirm}.body`)}</p>
          <form action={actions[confirm].run} className="mt-5 flex flex-wrap items-center gap-4">
            <input type="hidden" name="userId" value={user.id} />
            <button type="submit" className={buttonClass(actions[confirm].danger ? "danger" : "primary")}>
              {t(`confirm.${confirm}.yes`)}
            </button>
            <Link href={`/admin/users/${user.id}`} className={buttonClass("secondary")}>
              {t("cancel")}
            </Link>
          </form>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("profile")}>
          <Facts
            items={[
              [t("fields.email"), user.email],
              [t("fields.name"), user.name],
              [t("fields.phone"), user.phone],
              [t("fields.company"), user.company ?? "—"],
              [t("fields.role"), t(`roles.${user.role}`)],
              [t("fields.locale"), user.locale === "ja" ? "日本語" : "English"],
              [t("registeredAt"), when(user.createdAt)],
            ]}
          />
          <p className="mt-5">
            <Link href={`/admin/users/${user.id}/edit`} className={buttonClass("secondary")}>
              {t("editProfile")}
            </Link>
          </p>
        </Card>
        <Card title={t("statusHeading")}>
          <Facts
            items={[
              [t("columns.status"), <StatusBadge key="status" status={user.displayStatus} />],
              [
                t("matrixPassword"),
                user.hasPassword && user.passwordSetAt
                  ? t("passwordSet", { time: when(user.passwordSetAt) })
                  : t("passwordNotSet"),
              ],
              [
                t("startingGuide"),
                user.guideExpiresAt ? t("guideValidUntil", { time: when(user.guideExpiresAt) }) : t("guideNone"),
              ],
              [t("lockState"), lockState],
              [t("failuresSinceUnlock"), String(user.failuresSinceUnlock)],
              [t("consecutiveFailures"), String(user.consecutiveFailures)],
              [
                t("columns.lastSignIn"),
                user.lastSignInAt
                  ? t("lastSignInValue", { time: when(user.lastSignInAt), ip: user.lastSignInIp ?? "—" })
                  : t("never"),
              ],
              [
                t("termsAccepted"),
                user.acceptedTermsVersion !== null
                  ? t("termsVersion", { version: user.acceptedTermsVersion })
                  : t("termsNone"),
              ],
            ]}
          />
        </Card>
      </div>

      <SignInMethodsCard userId={user.id} status={methods} passkeys={passkeys} self={self} />

      <Card title={t("actionsHeading")}>
        {self ? <p className="mb-4 text-sm text-muted">{t("selfNote")}</p> : null}
        {available.length === 0 ? (
          <p className="text-muted">{t("noActions")}</p>
        ) : (
          <ul className="flex flex-wrap gap-3">
            {available.map((action) => (
              <li key={action}>
                <Link
                  href={`/admin/users/${user.id}?confirm=${action}#confirm`}
                  aria-current={confirm === action ? "true" : undefined}
                  className={buttonClass(actions[action].danger ? "danger" : "secondary")}
                >
                  {t(`actions.${action}`)}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm text-muted">{t("sensitiveNote")}</p>
      </Card>

      <Card id="sessions" title={t("sessionsHeading")}>
        <SessionsTable sessions={sessions} endAction={endUserSessionAction} hidden={{ userId: user.id }} when={when} />
        <p className="mt-4 text-sm text-muted">{t("sessionsNote")}</p>
      </Card>

      <Card title={t("auditHeading")}>
        {user.events.length === 0 ? (
          <p className="text-muted">{t("noEvents")}</p>
        ) : (
          <UserEventsTable events={user.events} userId={user.id} when={when} />
        )}
      </Card>

      <BackToList />
    </PageShell>
  );
}
