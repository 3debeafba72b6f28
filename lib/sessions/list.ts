import { getDb } from "@/db/client";
import { listLiveSessions } from "@/db/queries/user-sessions";
import { describeDevice, type Device } from "./device";
import { ABSOLUTE_HOURS, IDLE_MINUTES } from "./policy";
import { LAST_SEEN_THROTTLE_MS } from "./refresh";

export type ListedSession = { id: string; device: Device; ip: string | null; lastSeenAt: Date; current: boolean };

/**
 * The user's sessions that can still be used at `now`, most recently active first, with the
 * one making this request (if it is theirs) marked current. Last seen lags by up to the
 * throttle, so a session stays listed that much past its idle limit rather than vanishing early.
 */
export async function listSessions(
  userId: string,
  now: Date,
  currentSessionId: string | null,
): Promise<ListedSession[]> {
  const rows = await listLiveSessions(await getDb(), userId, {
    activeAfter: new Date(now.getTime() - IDLE_MINUTES * 60_000 - LAST_SEEN_THROTTLE_MS),
    createdAfter: new Date(now.getTime() - ABSOLUTE_HOURS * 3600_000),
  });
  return rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    ip: row.ip,
    lastSeenAt: row.lastSeenAt,
    current: row.id === currentSessionId,
  }));
}
