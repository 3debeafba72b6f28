import { existsSync } from "node:fs";
import type { PlaywrightTestConfig } from "@playwright/test";

/** What the three Playwright configs share: one spec at a time, no retries, and `.only` refused on CI. */
export const serialRun = {
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
} satisfies PlaywrightTestConfig;

/** The list reporter; on CI also a JSON report at `outputFile`. */
export function listReporter(outputFile: string): PlaywrightTestConfig["reporter"] {
  return process.env.CI ? [["list"], ["json", { outputFile }]] : "list";
}

/** The system Chromium where there is one (or CHROMIUM_PATH), without sandbox, GPU, QUIC or background traffic. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
