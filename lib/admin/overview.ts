import { asc, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { countEventsPerPeriod, countUsersByStatus, type StatusCounts } from "@/db/queries/overview";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { csvRow, CSV_BOM } from "./csv";
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
};

/**
 * The operators' overview: users by status, sign-ins and failed sign-ins per day over the last
 * 14 days (days in the operator's time zone, today included) and the email outbox's health.
 */
export async function getAdminOverview(now: Date, timeZone: string): Promise<AdminOverview> {
  const db = await getDb();
  const days: string[] = [];
  let day = dayOf(new Date(now.getTime() - (OVERVIEW_DAYS - 1) * 86_400_000), timeZone);
  for (let i = 0; i < OVERVIEW_DAYS; i++, day = nextDay(day)) days.push(day);
  const boundaries = [...days, nextDay(days.at(-1)!)].map((d) => startOfDay(d, timeZone));
  const [counts, perDay, outbox] = await Promise.all([
    countUsersByStatus(db, { now, maxFailures: MAX_FAILURES_BEFORE_OPERATOR }),
    countEventsPerPeriod(db, ["login.succeeded", "login.failed"], boundaries),
    getOutboxCounts(),
  ]);
  return {
    users: counts,
    signIns: days.map((d, i) => ({ day: d, succeeded: perDay["login.succeeded"]![i]!, failed: perDay["login.failed"]![i]! })),
    outbox: { pending: outbox.pending, failed: outbox.failed },
  };
}

/** Puts every failed email back in the queue and starts sending. Returns how many. */
export async function retryFailedOutbox(actorId: string, context: RequestContext): Promise<number> {
  const count = await retryFailedEmails({ now: context.now });
  await recordAudit({ event: "mail.retried", actorId, outcome: "success", details: { count } }, context);
  if (count > 0) await scheduleMailDispatch();
  return count;
}

export const USER_EXPORT_COLUMNS = ["email", "name", "phone", "company", "role", "status", "locale", "created_at", "last_sign_in_at"] as const;

/**
 * Every user as CSV (UTF-8 with BOM, CRLF, formulas defused), oldest first, in keyset batches.
 * The first five columns are the import format. Never a pattern or token.
 */
export async function* usersCsv(): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(USER_EXPORT_COLUMNS);
  const db = await getDb();
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        phone: users.phone,
        company: users.company,
        role: users.role,
        status: users.status,
        locale: users.locale,
        createdAt: users.createdAt,
        lastSignInAt: users.lastSignInAt,
      })
      .from(users)
      .where(after ? gt(users.id, after) : undefined)
      .orderBy(asc(users.id))
      .limit(1000);
    if (rows.length === 0) return;
    yield rows
      .map((u) => csvRow([u.email, u.name, u.phone, u.company, u.role, u.status, u.locale, u.createdAt.toISOString(), u.lastSignInAt?.toISOString() ?? ""]))
      .join("");
    after = rows.at(-1)!.id;
  }
}

export async function recordUsersExport(actorId: string, context: RequestContext): Promise<void> {
  await recordAudit({ event: "users.exported", actorId, outcome: "success" }, context);
}
