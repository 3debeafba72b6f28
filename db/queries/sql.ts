import { sql } from "drizzle-orm";

/** SQL fragments more than one query file builds on. */

/** A timestamp parameter typed for the comparison, where drizzle cannot infer it (raw SQL). */
export const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** Escapes LIKE's wildcards and its escape character, so input only ever matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
