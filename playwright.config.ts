import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";

// The config is evaluated again in every worker; values set on process.env here are inherited,
// so the whole run agrees on one database folder, one port and one set of secrets.
const e2e = process.env;
e2e.E2E_PORT ??= "3210";
e2e.E2E_RESEND_PORT ??= "4010";
e2e.E2E_PGLITE_DIR ??= `.data/e2e-${Date.now()}`;
e2e.E2E_AUTH_SECRET ??= randomBytes(33).toString("base64");
e2e.E2E_PATTERN_KEY ??= randomBytes(32).toString("base64");

const baseURL = `http://localhost:${e2e.E2E_PORT}`;
const resendURL = `http://127.0.0.1:${e2e.E2E_RESEND_PORT}`;
const chromium = e2e.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** The environment the app runs with in e2e; also used by tests that run the CLI tools. */
export const appEnv: Record<string, string> = {
  NODE_ENV: "production",
  APP_URL: baseURL,
  AUTH_TRUST_HOST: "true",
  AUTH_SECRET: e2e.E2E_AUTH_SECRET,
  PATTERN_KEY: e2e.E2E_PATTERN_KEY,
  MAIL_TRANSPORT: "resend",
  RESEND_API_KEY: "re_e2e_fake",
  RESEND_BASE_URL: resendURL,
  ...(e2e.DATABASE_URL ? { DATABASE_URL: e2e.DATABASE_URL } : { PGLITE_DIR: e2e.E2E_PGLITE_DIR }),
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!e2e.CI,
  timeout: 60_000,
  reporter: e2e.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: `node node_modules/.bin/tsx tests/support/fake-resend-server.ts --port ${e2e.E2E_RESEND_PORT}`,
      url: `${resendURL}/_test/emails`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${e2e.E2E_PORT}`,
      url: `${baseURL}/api/health`,
      env: appEnv,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
    },
  ],
});
