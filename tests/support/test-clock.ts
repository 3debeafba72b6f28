import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The portal's test clock (lib/platform/clock) for a jest file: TEST_CLOCK_FILE points at a
 * file of this run's own, so verbs that read now() themselves can be moved forward. Import it
 * before anything that loads env.ts (which reads the setting once).
 */
const file = join(mkdtempSync(join(tmpdir(), "matrix-clock-")), "offset-ms");
let offset = 0;
writeFileSync(file, "0");
process.env.TEST_CLOCK_FILE = file;

/** Moves the portal's clock `ms` further ahead. */
export function advanceClock(ms: number): void {
  offset += ms;
  writeFileSync(file, String(offset));
}

/** Puts the portal's clock back on the system clock. */
export function resetClock(): void {
  offset = 0;
  writeFileSync(file, "0");
}
