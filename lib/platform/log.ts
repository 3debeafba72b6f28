import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "@/env";

/**
 * The server's one log format: a JSON line per event with its time, level, scope, the request
 * it belongs to (id and route pattern, lib/http/request-tracking.ts) and fields that are ids,
 * names, counts and codes only. Never pass addresses, links, rendered bodies, tokens or error
 * messages (a database error message can quote the failed query's parameters).
 */

export type Level = "debug" | "info" | "warn" | "error";
export type Field = string | number | boolean | null | undefined | readonly string[];
export type RequestScope = { requestId: string; route: string };

const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// One store per process: Next loads this module once per bundle (instrumentation, pages, route
// handlers), and every copy must see the scope the request was entered with.
const SCOPE = Symbol.for("matrix-portal.request-scope");
const holder = globalThis as typeof globalThis & { [SCOPE]?: AsyncLocalStorage<RequestScope> };
export const requestScopes = (): AsyncLocalStorage<RequestScope> => (holder[SCOPE] ??= new AsyncLocalStorage());

/** The fields every line carries: when, and which request (null outside one). */
export function lineContext(): { time: string; requestId: string | null; route: string | null } {
  const scope = requestScopes().getStore();
  return { time: new Date().toISOString(), requestId: scope?.requestId ?? null, route: scope?.route ?? null };
}

export function log(level: Level, scope: string, event: string, fields: Record<string, Field> = {}): void {
  if (rank[level] < rank[env.LOG_LEVEL]) return;
  const line = JSON.stringify({ ...lineContext(), level, scope, event, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.info(line);
}

/** What may be logged about an error: its class name and, when present, a short code. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && /^[\w.-]{1,40}$/.test(code) ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}
