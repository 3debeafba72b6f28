import { setTimeout as sleep } from "node:timers/promises";
import { now } from "@/lib/platform/clock";
import { describeError, log } from "@/lib/platform/log";
import { purgeExpiredRows } from "./purge";

/** Often enough that no table grows by more than ten minutes of traffic between purges. */
export const PURGE_INTERVAL_MS = 10 * 60_000;

/**
 * Purges now and then every `intervalMs` until `signal` aborts. Run by the app (instrumentation)
 * and by the mail worker; several at once are harmless. A failed purge is logged (the error's
 * name only: a database message can quote query parameters) and tried again next time. The
 * timer does not keep the process alive.
 */
export async function runPurgeLoop(signal: AbortSignal, intervalMs = PURGE_INTERVAL_MS): Promise<void> {
  while (!signal.aborted) {
    try {
      await purgeExpiredRows(now());
    } catch (error) {
      log("error", "maintenance", "purge_failed", { error: describeError(error) });
    }
    try {
      await sleep(intervalMs, undefined, { signal, ref: false });
    } catch {
      // Aborted while waiting.
    }
  }
}
