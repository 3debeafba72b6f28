import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";

/** postgres.js returns the rows; PGlite returns { rows }. */
export async function rowsOf<T>(statement: SQL): Promise<T[]> {
  const result: unknown = await (await getDb()).execute(statement);
  return Array.isArray(result) ? result : (result as { rows: T[] }).rows;
}

async function tableNames(except: readonly string[]): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((r) => r.name).filter((name) => !except.includes(name) && !name.startsWith("__drizzle"));
}

/** Every row of the named tables as JSON text, one per line: what a stolen backup would show. */
export async function databaseDump(except: readonly string[] = []): Promise<string> {
  const parts: string[] = [];
  for (const name of await tableNames(except)) {
    const rows = await rowsOf<{ row: string }>(sql`select row_to_json(t)::text as row from ${sql.identifier(name)} t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

/** A digest of every row per table, to show that a refused request wrote nothing. */
export async function databaseFingerprint(except: readonly string[] = []): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const name of await tableNames(except)) {
    const [row] = await rowsOf<{ digest: string }>(
      sql`select count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`,
    );
    fingerprint[name] = row!.digest;
  }
  return fingerprint;
}
