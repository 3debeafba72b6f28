import { resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";

const migrationsFolder = resolve(/* turbopackIgnore: true */ process.cwd(), "db/migrations");
// Any fixed number: serialises migrations when several app instances start on one server.
const MIGRATION_LOCK = 724_001;

/** Applies the committed drizzle-kit migrations over one dedicated, advisory-locked connection. */
export async function migratePostgres(url: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.end();
  }
}

/** PGlite serves one process (the folder is locked), so no advisory lock is needed. */
export async function migratePglite(pglite: PGlite): Promise<void> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(drizzle({ client: pglite }), { migrationsFolder });
}
