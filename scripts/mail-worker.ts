/**
 * Sends queued emails until stopped (Ctrl+C / SIGTERM): `tsx scripts/mail-worker.ts`.
 * Loads .env files the way Next does, then polls the outbox every 2 seconds. Beside a
 * running dev server it reaches the server's database through its PGlite socket.
 */
import { loadEnvConfig } from "@next/env";

loadEnvConfig(process.cwd());

async function main() {
  // Imported after the .env files are loaded: env.ts reads the environment once, on import.
  const { runMailWorker } = await import("@/lib/mail");
  const { closeDb } = await import("@/db/client");
  const { log } = await import("@/lib/platform/log");

  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      log("warn", "mail", "mail.worker_exiting", { signal, reason: "second signal" });
      process.exit(1);
    }
    // Finishing the pass in progress: its claimed batch is sent, or given back by settle().
    log("info", "mail", "mail.worker_stopping", { signal });
    controller.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  try {
    await runMailWorker({ signal: controller.signal });
  } finally {
    await closeDb();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Mail worker stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
