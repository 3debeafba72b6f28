import { randomBytes } from "node:crypto";
import { organizationSettings } from "../../support/organization";

/**
 * The environment of the app under test, shared by playwright.config.ts (which starts the
 * server) and the tests (which run the command-line tools against the same database).
 * Values are put on process.env once, so every Playwright worker inherits the same ones.
 */
export function e2eSettings() {
  const e2e = process.env;
  e2e.E2E_PORT ??= "3210";
  e2e.E2E_RESEND_PORT ??= "4010";
  e2e.E2E_PGLITE_DIR ??= `.data/e2e-${Date.now()}`;
  e2e.E2E_AUTH_SECRET ??= randomBytes(33).toString("base64");
  e2e.E2E_PATTERN_KEY ??= randomBytes(32).toString("base64");
  e2e.E2E_CLOCK_FILE ??= `${e2e.E2E_PGLITE_DIR}-clock`;
  e2e.E2E_METRICS_TOKEN ??= randomBytes(32).toString("base64url");
  e2e.E2E_SERVER_LOG ??= `${e2e.E2E_PGLITE_DIR}-server.log`;
  // Playwright empties its results folder as it starts: two runs side by side need one each.
  e2e.E2E_RESULTS ??= "test-results";
  const baseURL = `http://localhost:${e2e.E2E_PORT}`;
  const resendURL = `http://127.0.0.1:${e2e.E2E_RESEND_PORT}`;
  const appEnv: Record<string, string> = {
    NODE_ENV: "production",
    APP_URL: baseURL,
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: e2e.E2E_AUTH_SECRET,
    PATTERN_KEY: e2e.E2E_PATTERN_KEY,
    MAIL_TRANSPORT: "resend",
    RESEND_API_KEY: "re_e2e_fake",
    RESEND_BASE_URL: resendURL,
    ...organizationSettings,
    // The most verbose level: tests/security/secrets.spec.ts reads the log for leaked secrets.
    LOG_LEVEL: "debug",
    TEST_CLOCK_FILE: e2e.E2E_CLOCK_FILE,
    METRICS_TOKEN: e2e.E2E_METRICS_TOKEN,
    ...(e2e.DATABASE_URL ? { DATABASE_URL: e2e.DATABASE_URL } : { PGLITE_DIR: e2e.E2E_PGLITE_DIR }),
  };
  return {
    baseURL,
    resendURL,
    appEnv,
    port: e2e.E2E_PORT,
    resendPort: e2e.E2E_RESEND_PORT,
    clockFile: e2e.E2E_CLOCK_FILE,
    serverLog: e2e.E2E_SERVER_LOG,
    results: e2e.E2E_RESULTS,
    metricsToken: e2e.E2E_METRICS_TOKEN,
  };
}
