import { existsSync } from "node:fs";
import postgres from "postgres";
import { createPrivatePostgres } from "../../tests/support/private-postgres";

const PRIVATE_PORT = 5548;

/**
 * The PostgreSQL server the bench measures on: the one at `serverUrl` if it answers; else, when
 * nobody chose a server (`chosen` false) and PostgreSQL is installed, a private one started for
 * this run (stopped at its end), the way the reliability tests start theirs.
 */
const withoutPassword = (url: string) => url.replace(/:[^:@/]*@/, ":***@");

export async function benchServer(serverUrl: string, chosen: boolean): Promise<{ url: string; stop(): void }> {
  const probe = postgres(`${serverUrl.replace(/\/$/, "")}/postgres`, {
    max: 1,
    connect_timeout: 3,
    onnotice: () => {},
  });
  try {
    await probe`select 1`;
    return { url: serverUrl, stop: () => {} };
  } catch (error) {
    const refused = (error as { code?: string }).code === "ECONNREFUSED";
    const installed = existsSync("/usr/lib/postgresql") && process.getuid?.() === 0;
    if (!refused || chosen || !installed)
      throw new Error(
        `No PostgreSQL answers at ${withoutPassword(serverUrl)}: install it (apt-get install -y postgresql) and run the bench as root, or set DATABASE_URL_BASE`,
      );
  } finally {
    await probe.end();
  }
  const server = createPrivatePostgres(PRIVATE_PORT);
  console.error(
    `[bench] no PostgreSQL at ${withoutPassword(serverUrl)}: started a private one on port ${PRIVATE_PORT}`,
  );
  return { url: `postgres://postgres@127.0.0.1:${PRIVATE_PORT}`, stop: () => server.destroy() };
}

/**
 * The bench's own database on a PostgreSQL server: dropped and created at the start, dropped at
 * the end. The server URL has no database name (BENCH_DATABASE_URL / DATABASE_URL_BASE).
 */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad database name ${name}`);
  const admin = postgres(`${serverUrl.replace(/\/$/, "")}/postgres`, {
    max: 1,
    onnotice: () => {},
  });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return `${serverUrl.replace(/\/$/, "")}/${name}`;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = postgres(`${serverUrl.replace(/\/$/, "")}/postgres`, {
    max: 1,
    onnotice: () => {},
  });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

export async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`show server_version`;
    return String(row?.server_version ?? "?");
  } finally {
    await sql.end();
  }
}

/**
 * Committed transactions in one database so far (pg_stat_database): every autocommit statement
 * counts as one, so the difference over a load run, per completed flow, says how many
 * statements and transactions a flow costs. Backends report at most once a second, so read it
 * after a short pause.
 */
export async function committedTransactions(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_stat_clear_snapshot()`;
    const [row] = await sql`select xact_commit::bigint as n from pg_stat_database where datname = current_database()`;
    return Number(row?.n ?? 0);
  } finally {
    await sql.end();
  }
}
