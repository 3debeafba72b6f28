import { defineConfig } from "@playwright/test";
import { listReporter, serialRun } from "../support/playwright-base";

/**
 * Reliability scenarios (tests/reliability/*.spec.ts): each starts what it needs itself (a
 * private PostgreSQL server, `next start` instances, the fake Resend API) and stops it again.
 * Needs `npm run build` and root (the private server runs as the `postgres` user).
 *
 *   npx playwright test -c tests/reliability/playwright.config.ts
 */
export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  ...serialRun,
  timeout: 180_000,
  reporter: listReporter("../../test-results/reliability.json"),
});
