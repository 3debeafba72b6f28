import { readFileSync } from "node:fs";
import { env } from "@/env";

/**
 * The portal's idea of "now". End-to-end tests of time limits (expired links and challenges,
 * lock windows, session timeouts) move it forward by writing milliseconds into TEST_CLOCK_FILE
 * instead of sleeping; without that setting it is the system clock.
 */
export function now(): Date {
  if (!env.TEST_CLOCK_FILE) return new Date();
  let offset = 0;
  try {
    offset = Number(readFileSync(env.TEST_CLOCK_FILE, "utf8")) || 0;
  } catch {
    offset = 0;
  }
  return new Date(Date.now() + offset);
}
