import { env } from "@/env";

/**
 * Mail logging: one JSON line per event carrying ids, template names, counts and status
 * codes only. Never pass props, addresses, links, rendered bodies or error messages (a
 * database error message can quote the parameters of the failed query).
 */

type Level = "debug" | "info" | "warn" | "error";
type Field = string | number | boolean | null | undefined | readonly string[];

const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function mailLog(level: Level, event: string, fields: Record<string, Field> = {}): void {
  if (rank[level] < rank[env.LOG_LEVEL]) return;
  const line = JSON.stringify({ level, scope: "mail", event, ...fields });
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
