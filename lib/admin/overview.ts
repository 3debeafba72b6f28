import { getDb } from "@/db/client";
import { countEventsPerPeriod } from "@/db/queries/audit";
import { countUsersByStatus, type StatusCounts } from "@/db/queries/users";
import { countActiveUsersBySecondFactor } from "@/db/queries/second-factor";
import { recordAudit } from "@/lib/audit";
import { MAX_FAILURES_BEFORE_OPERATOR } from "@/lib/login/policy";
import { getOutboxCounts, retryFailedEmails, scheduleMailDispatch } from "@/lib/mail";
import type { RequestContext } from "@/lib/http/request-context";
import { dayOf, nextDay, startOfDay } from "@/lib/i18n/time-zone";

export const OVERVIEW_DAYS = 14;

export type SignInDay = { day: string; succeeded: number; failed: number };
export type AdminOverview = {
  users: StatusCounts;
  signIns: SignInDay[];
  outbox: { pending: number; failed: number };
  /** Active users with a passkey or an authenticator app, and without. */
  secondFactors: { with: number; without: number };
};

/**
 * The operators' overview: users by status, sign-ins and failed sign-ins per day over the last
 * 14 days (days in the operator's time zone, today included), the email outbox's health, and
 * how many active users have a second factor.
 */
export async function getAdminOverview(now: Date, timeZone: string): Promise<AdminOverview> {
  const db = await getDb();
  const days: string[] = [];
  let day = dayOf(new Date(now.getTime() - (OVERVIEW_DAYS - 1) * 86_400_000), timeZone);
  for (let i = 0; i < OVERVIEW_DAYS; i++, day = nextDay(day)) days.push(day);
  const boundaries = [...days, nextDay(days.at(-1)!)].map((d) => startOfDay(d, timeZone));
  const [counts, perDay, outbox, secondFactors] = await Promise.all([
    countUsersByStatus(db, { now, maxFailures: MAX_FAILURES_BEFORE_OPERATOR }),
    countEventsPerPeriod(db, ["login.succeeded", "login.failed"], boundaries),
    getOutboxCounts(),
    countActiveUsersBySecondFactor(db),
  ]);
  return {
    users: counts,
    signIns: days.map((d, i) => ({
      day: d,
      succeeded: perDay["login.succeeded"]![i]!,
      failed: perDay["login.failed"]![i]!,
    })),
    outbox: { pending: outbox.pending, failed: outbox.failed },
    secondFactors,
  };
}

/** Puts every failed email back in the queue and starts sending. Returns how many. */
export async function retryFailedOutbox(actorId: string, context: RequestContext): Promise<number> {
  const count = await retryFailedEmails({ now: context.now });
  await recordAudit({ event: "mail.retried", actorId, outcome: "success", details: { count } }, context);
  if (count > 0) await scheduleMailDispatch();
  return count;
}
