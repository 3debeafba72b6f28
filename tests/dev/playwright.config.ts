import { defineConfig, devices } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumLaunchOptions, listReporter, serialRun } from "../support/playwright-base";

/**
 * The development server's own check (tests/dev/*.spec.ts): `npm run dev` on its own port with
 * its own PGlite folder outside the checkout, the setting under which a page was seen reloading
 * itself in a loop. Needs no build.
 *
 *   npx playwright test -c tests/dev/playwright.config.ts
 */
process.env.DEV_CHECK_PORT ??= "3655";
process.env.DEV_CHECK_PGLITE_DIR ??= join(mkdtempSync(join(tmpdir(), "matrix-dev-check-")), "pglite");
const port = process.env.DEV_CHECK_PORT;

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  ...serialRun,
  // The first compile of a page under CPU load took 87 s on a 2-core machine.
  timeout: 300_000,
  // Its own folder: another Playwright run in the checkout empties test-results/ as it starts.
  outputDir: "../../test-results/dev",
  reporter: listReporter("../../test-results/dev.json"),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "dev", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `npm run dev -- -p ${port}`,
    cwd: "../..",
    url: `http://127.0.0.1:${port}/api/health`,
    // An empty DATABASE_URL counts as unset (env.ts): the embedded database, even when CI exports one.
    // APP_URL is the origin the browser uses: the proxy refuses form posts from any other.
    env: {
      APP_URL: `http://127.0.0.1:${port}`,
      PGLITE_DIR: process.env.DEV_CHECK_PGLITE_DIR,
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
  },
});
