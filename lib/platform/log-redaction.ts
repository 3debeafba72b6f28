import { DrizzleQueryError } from "drizzle-orm/errors";

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
