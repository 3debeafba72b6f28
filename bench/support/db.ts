import postgres from "postgres";

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
