import { setTimeout as sleep } from "node:timers/promises";
import { runPurgeLoop } from "@/lib/maintenance/schedule";
import { describeError, mailLog } from "./log";
import { dispatchPendingEmails, type DispatchOptions } from "./dispatch";

export type MailWorkerOptions = {
  /** Aborting stops the loop after the pass in progress. */
  signal: AbortSignal;
  /** Pause between passes when there is nothing more to do (default 2 s). */
  intervalMs?: number;
  /**
   * Passes run side by side (default 2): while one renders its batch, the other waits for the
   * provider's rate window or its response. Claims skip rows another pass holds.
   */
  concurrency?: number;
} & Omit<DispatchOptions, "now">;

/**
 * Dispatches due emails (and purges spent rows, lib/maintenance) until `signal` aborts: a pass, then a pause of `intervalMs` (skipped
 * while a full batch was just claimed and there was no rate limit, to drain a backlog).
 * Errors are logged and the loop carries on.
 */
export async function runMailWorker(options: MailWorkerOptions): Promise<void> {
  const { signal, intervalMs = 2_000, concurrency = 2, ...dispatchOptions } = options;
  mailLog("info", "mail.worker_started", { intervalMs, concurrency });
  const loops = Math.max(1, Math.min(8, Math.floor(concurrency)));
  // The worker also purges spent rows, so a deployment whose app instances restart rarely (or
  // that serves no traffic for a while) still keeps its tables small.
  await Promise.all([
    ...Array.from({ length: loops }, () => dispatchLoop(signal, intervalMs, dispatchOptions)),
    runPurgeLoop(signal),
  ]);
  mailLog("info", "mail.worker_stopped");
}

async function dispatchLoop(
  signal: AbortSignal,
  intervalMs: number,
  dispatchOptions: Omit<DispatchOptions, "now">,
): Promise<void> {
  const batchSize = dispatchOptions.batchSize ?? 100;
  while (!signal.aborted) {
    let busy = false;
    try {
      const result = await dispatchPendingEmails({ ...dispatchOptions, batchSize });
      busy = result.claimed >= batchSize && !result.rateLimited && result.sent > 0;
    } catch (error) {
      mailLog("error", "mail.dispatch_error", { error: describeError(error) });
    }
    if (busy || signal.aborted) continue;
    try {
      await sleep(intervalMs, undefined, { signal });
    } catch {
      // Aborted while waiting.
    }
  }
}
