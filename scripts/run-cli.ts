import { closeDb } from "@/db/client";

/**
 * Runs a command-line tool's main and exits with its code, closing the database either way so a
 * tool beside a running dev server never leaves its socket connection open.
 */
export function runCli(main: () => Promise<number>, failure: string): void {
  main()
    .then(async (code) => {
      await closeDb();
      process.exit(code);
    })
    .catch(async (error: Error) => {
      console.error(`${failure}: ${error.message}`);
      await closeDb().catch(() => {});
      process.exit(1);
    });
}
