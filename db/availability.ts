/**
 * Whether the database server is reachable, as this process last saw it. A lost connection
 * (the server stopped, restarted or dropped us) marks an outage; the next request probes with
 * `select 1` before doing anything else, and the first probe that succeeds ends the outage.
 * The embedded PGlite never has one. State lives on globalThis because Next bundles the proxy
 * and the pages into separate module layers of the one server process.
 */

/** postgres.js and Node socket codes for "no connection", and SQLSTATEs for a server going away. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
  "53300", // too_many_connections
]);

/** True when the error (or one it wraps: Drizzle puts the driver's error in `cause`) means the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

type State = { outageSince?: number; recoveredAt?: number; probe?: Promise<boolean>; probeFn?: () => Promise<void> };
const state = ((globalThis as unknown as { __matrixDbAvailability?: State }).__matrixDbAvailability ??= {});

/** Called by the client when a connection closes, and by whoever sees a connection error. */
export function markDatabaseOutage(): void {
  state.outageSince ??= Date.now();
}

/** How the probe reaches the database (set by db/client.ts for PostgreSQL servers). */
export function setDatabaseProbe(probe: () => Promise<void>): void {
  state.probeFn = probe;
}

/**
 * A request that was already inside Next when the database came back can still fail on a
 * connection the outage broke (or on a server still starting up, 57P03): for this long after
 * recovery its 500 is still taken for the outage.
 */
const RECOVERY_GRACE_MS = 10_000;

/** Synchronous: an outage was seen and no probe has succeeded since, or one ended moments ago. */
export function databaseOutageSuspected(): boolean {
  return (
    state.outageSince !== undefined ||
    (state.recoveredAt !== undefined && Date.now() - state.recoveredAt < RECOVERY_GRACE_MS)
  );
}

const PROBE_TIMEOUT_MS = 1_500;

/** False while the database is known to be unreachable; probes (once for concurrent callers) only after an outage was seen. */
export async function databaseAvailable(): Promise<boolean> {
  if (state.outageSince === undefined || !state.probeFn) return true;
  state.probe ??= (async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error("probe timeout")), PROBE_TIMEOUT_MS)),
      );
      await Promise.race([state.probeFn!(), timeout]);
      state.outageSince = undefined;
      state.recoveredAt = Date.now();
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      state.probe = undefined;
    }
  })();
  return state.probe;
}
