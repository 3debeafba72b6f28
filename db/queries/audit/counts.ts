import { and, gte, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { auditEvents } from "../../schema";

/**
 * How many of each event fall in each period: `boundaries` are the n + 1 instants that
 * delimit n consecutive periods (days in the operator's time zone, so any length works).
 * Returns counts[event][period].
 */
export async function countEventsPerPeriod(
  executor: Executor,
  events: readonly string[],
  boundaries: readonly Date[],
): Promise<Record<string, number[]>> {
  const periods = boundaries.length - 1;
  const result: Record<string, number[]> = Object.fromEntries(
    events.map((event) => [event, Array<number>(periods).fill(0)]),
  );
  if (periods < 1 || events.length === 0) return result;
  const edges = JSON.stringify(boundaries.map((b) => b.toISOString()));
  const bucket = sql<number>`width_bucket(${auditEvents.occurredAt}, array(select jsonb_array_elements_text(${edges}::jsonb)::timestamptz))`;
  const rows = await executor
    .select({ event: auditEvents.event, bucket, n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.event, [...events]),
        gte(auditEvents.occurredAt, boundaries[0]!),
        lt(auditEvents.occurredAt, boundaries[periods]!),
      ),
    )
    // By position: the bucket expression carries a parameter, so repeating it would not match.
    .groupBy(sql`1, 2`);
  for (const row of rows) {
    const index = Number(row.bucket) - 1;
    const series = result[row.event];
    if (series && index >= 0 && index < periods) series[index] = Number(row.n);
  }
  return result;
}
