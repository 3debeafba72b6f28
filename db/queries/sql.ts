import { getTableName, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** SQL fragments more than one query file builds on. */

/** A timestamp parameter typed for the comparison, where drizzle cannot infer it (raw SQL). */
export const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** Escapes LIKE's wildcards and its escape character, so input only ever matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * A column written with its table's name. Drizzle writes bare column names inside sql``
 * select fields, and in a sub-select a bare "id" or "user_id" means the inner table's own.
 */
export const qualified = (column: AnyPgColumn) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
