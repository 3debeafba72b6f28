import { and, gte, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { auditEvents, users } from "../schema";

export type StatusCounts = { invited: number; active: number; locked: number; disabled: number };

/**
 * Users by status. "locked" is an active account in a timed lock or waiting for an operator
 * unlock (`maxFailures` failures since the last one); "active" counts the others.
 */
export async function countUsersByStatus(executor: Executor, options: { now: Date; maxFailures: number }): Promise<StatusCounts> {
  const now = options.now.toISOString();
  // coalesce: with no lock time the comparison is null, and "not null" would drop the row.
  const locked = sql`(${users.status} = 'active' and (coalesce(${users.lockedUntil} > ${now}::timestamptz, false) or ${users.failuresSinceUnlock} >= ${options.maxFailures}))`;
  const [row] = await executor
    .select({
      invited: sql<number>`count(*) filter (where ${users.status} = 'invited')::int`,
      active: sql<number>`count(*) filter (where ${users.status} = 'active' and not ${locked})::int`,
      locked: sql<number>`count(*) filter (where ${locked})::int`,
      disabled: sql<number>`count(*) filter (where ${users.status} = 'disabled')::int`,
    })
    .from(users);
  return { invited: Number(row?.invited ?? 0), active: Number(row?.active ?? 0), locked: Number(row?.locked ?? 0), disabled: Number(row?.disabled ?? 0) };
}

/**
 * How many of each event fall in each period: `boundaries` are the n + 1 instants that
 * delimit n consecutive periods (days in the operator's time zone, so any length works).
 * Returns counts[event][period].
 */
export async function countEventsPerPeriod(executor: Executor, events: readonly string[], boundaries: readonly Date[]): Promise<Record<string, number[]>> {
  const periods = boundaries.length - 1;
  const result: Record<string, number[]> = Object.fromEntries(events.map((event) => [event, Array<number>(periods).fill(0)]));
  if (periods < 1 || events.length === 0) return result;
  const edges = JSON.stringify(boundaries.map((b) => b.toISOString()));
  const bucket = sql<number>`width_bucket(${auditEvents.occurredAt}, array(select jsonb_array_elements_text(${edges}::jsonb)::timestamptz))`;
  const rows = await executor
    .select({ event: auditEvents.event, bucket, n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(inArray(auditEvents.event, [...events]), gte(auditEvents.occurredAt, boundaries[0]!), lt(auditEvents.occurredAt, boundaries[periods]!)))
    // By position: the bucket expression carries a parameter, so repeating it would not match.
    .groupBy(sql`1, 2`);
  for (const row of rows) {
    const index = Number(row.bucket) - 1;
    const series = result[row.event];
    if (series && index >= 0 && index < periods) series[index] = Number(row.n);
  }
  return result;
}
