import { setTimeout as sleep } from "node:timers/promises";
import { closeDb } from "@/db/client";
import { afterResponsePending } from "@/lib/http/after-response";
import { serving } from "@/lib/http/request-tracking";
import { describeError, log } from "./log";

/**
 * Graceful shutdown of a server process, within `graceMs` from the signal: stop accepting
 * connections, let the requests in flight finish (then cut what is left), let work scheduled
 * after responses finish (mail dispatch), stop the background loops, close the database, exit.
 * Installed by instrumentation.ts when NEXT_MANUAL_SIG_HANDLE tells Next to leave the signals
 * to the app (`npm run start`); Next's own handler drains requests but exits without the rest.
 */

type Stopper = () => Promise<unknown>;
const STOPPERS = Symbol.for("matrix-portal.shutdown-stoppers");
const holder = globalThis as typeof globalThis & { [STOPPERS]?: Stopper[] };

/** Something to stop before the database closes (a loop: abort it and wait for its pass). */
export function onShutdown(stop: Stopper): void {
  (holder[STOPPERS] ??= []).push(stop);
}

async function until(done: () => boolean, deadline: number, tick?: () => void): Promise<boolean> {
  while (!done() && Date.now() < deadline) {
    tick?.();
    await sleep(25);
  }
  return done();
}

async function within(work: Promise<unknown>, deadline: number): Promise<boolean> {
  const timer = sleep(Math.max(0, deadline - Date.now()), "late" as const, { ref: false });
  return (await Promise.race([work.then(() => "done" as const), timer])) === "done";
}

export async function shutDown(signal: string, graceMs: number): Promise<void> {
  const started = Date.now();
  const deadline = started + graceMs;
  const { servers } = serving();
  log("info", "server", "shutdown.started", { signal, inFlight: serving().inFlight, graceMs });
  for (const server of servers) server.close();
  // Kept-alive connections go as soon as they fall idle; a request on one is finished first.
  const drained = await until(
    () => serving().inFlight === 0,
    deadline,
    () => servers.forEach((server) => server.closeIdleConnections()),
  );
  const cut = serving().inFlight;
  if (!drained) servers.forEach((server) => server.closeAllConnections());
  const afterWorkDone = await until(() => afterResponsePending() === 0, deadline);
  const stopped = await within(Promise.allSettled((holder[STOPPERS] ?? []).map((stop) => stop())), deadline);
  let databaseClosed = false;
  try {
    databaseClosed = await within(closeDb(), Math.max(deadline, Date.now() + 1_000));
  } catch (error) {
    log("warn", "server", "shutdown.database_error", { error: describeError(error) });
  }
  log("info", "server", "shutdown.finished", {
    signal,
    requestsCut: cut,
    afterWorkDone,
    loopsStopped: stopped,
    databaseClosed,
    ms: Date.now() - started,
  });
  process.exit(0);
}

export function installGracefulShutdown(graceMs: number): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void shutDown(signal, graceMs);
  };
  process.on("SIGTERM", handle);
  process.on("SIGINT", handle);
}
