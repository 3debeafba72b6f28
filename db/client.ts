import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { env } from "@/env";
import { markDatabaseOutage, setDatabaseProbe } from "./availability";
import { migratePglite, migratePostgres } from "./migrate";
import * as schema from "./schema";
import { seedReferenceData } from "./seed";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Queries take either the database or an open transaction. */
export type Executor = Database | Transaction;

type Connection = { db: Database; close: () => Promise<void>; via: "postgres" | "pglite" | "pglite-socket" };

async function connectPostgres(url: string, options: { max: number; prepare: boolean; path?: string }) {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // Custom plans always: a cached generic plan cannot use the prefix-search indexes for `LIKE $1`.
  // onclose: a connection only closes when the server went away (no idle timeout is set) or
  // at its max lifetime; either way the next request checks the server first (db/availability).
  // connect_timeout: an unreachable host fails requests in seconds, not the default 30.
  // backoff: postgres.js waits 3^n/100 s (up to 20 s) before reconnecting after n failed
  // attempts, so after a few seconds of outage it stayed away for many seconds after the server
  // was back; capped at 1 s, the portal serves again within about a second of its return.
  const client = postgres(url, {
    ...options,
    onnotice: () => {},
    onclose: () => markDatabaseOutage(),
    connect_timeout: 5,
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    connection: { plan_cache_mode: "force_custom_plan" },
  });
  setDatabaseProbe(async () => {
    await client`select 1`;
  });
  return { db: drizzle({ client, schema, casing: "snake_case" }) as Database, close: () => client.end() };
}

async function connect(): Promise<Connection> {
  if (env.DATABASE_URL) {
    await migratePostgres(env.DATABASE_URL);
    return { ...(await connectPostgres(env.DATABASE_URL, { max: 10, prepare: true })), via: "postgres" };
  }
  const { openPglite } = await import("./pglite-host");
  const target = await openPglite(env.PGLITE_DIR);
  if (target.kind === "guest") {
    // Another process owns the folder and has migrated it; share it through its Unix socket.
    const guest = await connectPostgres("postgres://postgres@localhost/postgres", {
      max: 1,
      prepare: false,
      path: target.socketPath,
    });
    return { ...guest, via: "pglite-socket" };
  }
  await migratePglite(target.pglite);
  const { drizzle } = await import("drizzle-orm/pglite");
  const db = drizzle({ client: target.pglite, schema, casing: "snake_case" }) as unknown as Database;
  return { db, close: target.close, via: "pglite" };
}

// Kept on globalThis so hot reloads and Next's separate module layers share one connection.
const holder = globalThis as unknown as { __matrixDb?: Promise<Connection> };

async function open(): Promise<Connection> {
  const connection = await connect();
  if (connection.via !== "pglite-socket") await seedReferenceData(connection.db);
  return connection;
}

/** The database, migrated and ready. Opened once per process. */
export async function getDb(): Promise<Database> {
  if (!holder.__matrixDb) {
    holder.__matrixDb = open().catch((error) => {
      holder.__matrixDb = undefined;
      throw error;
    });
  }
  return (await holder.__matrixDb).db;
}

export async function closeDb(): Promise<void> {
  const pending = holder.__matrixDb;
  holder.__matrixDb = undefined;
  if (pending) await (await pending).close();
}

/** Runs fn in one database transaction. */
export async function transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(fn);
}
