import { format } from "node:util";
import { lineContext } from "./log";
import { redactQueryError } from "./log-redaction";

// Not imported by instrumentation.ts at its top (which the edge bundle also compiles): this
// module and lib/platform/log read env.ts and Node's APIs.
const LEVELS = { debug: "debug", log: "info", info: "info", warn: "warn", error: "error" } as const;
// Colour codes Next puts around its own words.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/**
 * Installed once at start: whatever reaches the console has query errors redacted first, and
 * with `json` (production) every line is JSON like lib/platform/log's, with the request it
 * belongs to: Next's own messages and errors become `{"scope":"next","message":…}`, and lines
 * that are JSON already pass unchanged.
 */
export function installServerConsole(options: { json: boolean }): void {
  for (const [method, level] of Object.entries(LEVELS) as [keyof typeof LEVELS, string][]) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      args.forEach(redactQueryError);
      if (!options.json || (args.length === 1 && typeof args[0] === "string" && args[0].startsWith('{"time"'))) {
        original(...args);
        return;
      }
      const message = format(...args).replace(ANSI, "");
      original(JSON.stringify({ ...lineContext(), level, scope: "next", event: "message", message }));
    };
  }
}
