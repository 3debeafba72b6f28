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

  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      console.error(`Received ${signal} again: exiting now.`);
      process.exit(1);
    }
    console.info(`Received ${signal}: finishing the current pass, then stopping.`);
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
