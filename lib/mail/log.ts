import { log, type Field, type Level } from "@/lib/platform/log";

export { describeError } from "@/lib/platform/log";

/** Mail's lines (lib/platform/log): ids, template names, counts and status codes only. */
export function mailLog(level: Level, event: string, fields: Record<string, Field> = {}): void {
  log(level, "mail", event, fields);
}
