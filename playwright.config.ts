import { defineConfig, devices } from "@playwright/test";
import { e2eSettings } from "./tests/e2e/support/app-env";
import { chromiumLaunchOptions, listReporter, serialRun } from "./tests/support/playwright-base";

const { baseURL, resendURL, appEnv, port, resendPort, serverLog, results } = e2eSettings();
/**
 * Specs whose subject does not depend on the database: every page's markup (axe, reflow), the
 * forms' field names, and where a return path may lead. CI runs the suite once per database and
 * these on PostgreSQL only: E2E_DATABASE_SPECIFIC_ONLY=1 leaves them out of the PGlite run.
 */
const DATABASE_INDEPENDENT = [
  "**/e2e/people-pages.spec.ts",
  "**/e2e/field-names.spec.ts",
  "**/security/redirect.spec.ts",
];

export default defineConfig({
  testIgnore: process.env.E2E_DATABASE_SPECIFIC_ONLY === "1" ? DATABASE_INDEPENDENT : [],
  ...serialRun,
  timeout: 60_000,
  outputDir: results,
  reporter: listReporter(`${results}/e2e.json`),
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: "chromium", testDir: "tests/e2e", use: { ...devices["Desktop Chrome"] } },
    // Attack and leak scenarios over HTTP and in the browser (docs/SECURITY.md).
    { name: "security", testDir: "tests/security", testMatch: /\.spec\.ts$/, use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: [
    {
      command: `node node_modules/.bin/tsx tests/support/fake-resend-server.ts --port ${resendPort}`,
      url: `${resendURL}/_test/emails`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Output is also kept in a file that tests/security/secrets.spec.ts searches for secrets.
      command: `mkdir -p "$(dirname ${serverLog})" && node node_modules/next/dist/bin/next start -p ${port} 2>&1 | tee ${serverLog}`,
      url: `${baseURL}/api/health`,
      env: appEnv,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
    },
  ],
});
