import { lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { rateLimits } from "../schema";

/**
 * Counts one hit against a fixed window in a single atomic upsert and returns the hits in the
 * current window (a stale window restarts at 1).
 */
export async function countHit(executor: Executor, key: string, windowSeconds: number, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - windowSeconds * 1000).toISOString();
  const [row] = await executor
    .insert(rateLimits)
    .values({ key, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.windowStart} <= ${windowStart}::timestamptz then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowStart}::timestamptz then excluded.window_start else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ hits: rateLimits.hits });
  return row!.hits;
}

/** Deletes counters whose window started before `before`: their next hit would restart at 1 anyway. */
export async function deleteStaleRateLimits(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, before))
    .returning({ key: rateLimits.key });
  return rows.length;
}
