import { isDatabaseUnavailable, markDatabaseOutage } from "./db/availability";
import { redactQueryError } from "./lib/platform/log-redaction";

/**
 * Runs once when the server starts: checks the configuration, opens the database and applies
 * migrations, so a bad configuration or an unreachable database shows at start, not at first
 * request. In development it then seeds the demo accounts (see README.md, "Demo accounts").
 */
export async function register() {
  // NEXT_RUNTIME is inlined by Next at build time, so it is read here rather than in env.ts.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { recordPeerAddresses } = await import("./lib/http/peer-address");
    recordPeerAddresses();
    // A missing or weak secret (env.ts) stops the server with its message and a non-zero exit:
    // Next only logs an error thrown by register() and goes on serving, every page a 500.
    await import("./env").catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
    // Request ids, route patterns and durations (logs, metrics), and what a shutdown waits for.
    const { trackRequests } = await import("./lib/http/request-tracking");
    trackRequests();
    const { installOutageResponses } = await import("./lib/http/outage-response");
    installOutageResponses();
    const { installServerConsole } = await import("./lib/platform/server-console");
    installServerConsole({ json: process.env.NODE_ENV === "production" });
    const { getDb } = await import("./db/client");
    await getDb();
    // Needs PATTERN_KEY, so it cannot be an SQL migration: seals plain history hashes left by
    // older versions (and any under a previous key). A no-op once done.
    const { resealPatternHistory } = await import("./lib/credentials/history");
    await resealPatternHistory();
    // Spent challenges, counters, links and delivered emails, every few minutes for the server's life.
    const { runPurgeLoop } = await import("./lib/maintenance/schedule");
    const purge = new AbortController();
    const purging = runPurgeLoop(purge.signal);
    const { env } = await import("./env");
    if (env.NEXT_MANUAL_SIG_HANDLE) {
      const { installGracefulShutdown, onShutdown } = await import("./lib/platform/shutdown");
      onShutdown(() => {
        purge.abort();
        return purging;
      });
      installGracefulShutdown(env.SHUTDOWN_GRACE_SECONDS * 1000);
    }
    // NODE_ENV is inlined too, so production builds do not even contain the demo seeding;
    // lib/demo checks env.NODE_ENV (and that the database is the embedded one) again.
    if (process.env.NODE_ENV === "development") {
      const { seedDemoAccountsForDevelopment } = await import("./lib/demo");
      try {
        const seeded = await seedDemoAccountsForDevelopment();
        if (seeded && seeded.created.length > 0) {
          console.info(
            `Demo accounts created: ${seeded.created.join(", ")} (matrix passwords in README.md, "Demo accounts")`,
          );
        }
      } catch (error) {
        // A convenience, not a reason to stop the dev server.
        console.warn(`Demo accounts were not seeded: ${error instanceof Error ? error.name : typeof error}`);
      }
    }
  }
}

/**
 * A request failed because the database could not be reached: remember the outage at once
 * (db/availability), so the 500 Next is about to send becomes the 503 page. The server may say
 * "terminating connection" (57P01) before the connection closes: then this is the first sign.
 */
export function onRequestError(error: unknown) {
  if (isDatabaseUnavailable(error)) markDatabaseOutage();
  redactQueryError(error);
}
