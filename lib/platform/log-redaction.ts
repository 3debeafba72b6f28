import { format } from "node:util";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { lineContext } from "./log";

const PARAMS = /\nparams: [\s\S]*?(?=\n\s+at |$)/;

/**
 * Drizzle's query errors quote the query's parameters in their message ("params: …"): email
 * addresses, names, phone numbers, challenge digits. Next logs unexpected errors with their
 * message and stack, so the parameters are cut from them before anything is logged.
 */
export function redactQueryError(error: unknown): void {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (!(current instanceof DrizzleQueryError)) continue;
    current.message = current.message.replace(PARAMS, "\nparams: [redacted]");
    if (current.stack) current.stack = current.stack.replace(PARAMS, "\nparams: [redacted]");
    (current as { params: unknown[] }).params = [];
  }
}

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
