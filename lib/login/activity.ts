import { getDb } from "@/db/client";
import { countFailedSignIns, listSecurityEvents, listSuccessfulSignIns } from "@/db/queries/audit";

export type SecurityEvent = {
  event: string;
  outcome: "success" | "failure" | "info";
  occurredAt: Date;
  ip: string | null;
};

export type SignInSummary = {
  /** The successful sign-in before the current one; null on the first sign-in. */
  previousSignIn: { at: Date; ip: string | null } | null;
  /** Failed attempts on the account since the previous sign-in (since ever when there was none). */
  failedSincePrevious: number;
  /** The newest security events about the account, newest first. */
  recentEvents: SecurityEvent[];
};

/** The dashboard's sign-in panel for a signed-in user (read from the audit log). */
export async function signInSummary(userId: string): Promise<SignInSummary> {
  const db = await getDb();
  const [, previous] = await listSuccessfulSignIns(db, userId, 2);
  const [failedSincePrevious, recentEvents] = await Promise.all([
    countFailedSignIns(db, userId, previous?.occurredAt ?? null),
    recentSecurityEvents(userId, 10),
  ]);
  return {
    previousSignIn: previous ? { at: previous.occurredAt, ip: previous.ip } : null,
    failedSincePrevious,
    recentEvents,
  };
}

/** The user's newest audit events (sign-ins, failures, locks, onboarding), newest first. */
export async function recentSecurityEvents(userId: string, limit = 10): Promise<SecurityEvent[]> {
  const rows = await listSecurityEvents(await getDb(), userId, Math.min(Math.max(Math.trunc(limit) || 1, 1), 100));
  return rows.map((row) => ({ event: row.event, outcome: row.outcome, occurredAt: row.occurredAt, ip: row.ip }));
}
