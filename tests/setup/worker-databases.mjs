import postgres from "postgres";

/**
 * On a real server, each jest worker gets a database of its own (`<name>_w<N>`, emptied here),
 * so files can run side by side: the mail dispatcher tests drain every due email, which on one
 * shared database would take other files' emails. tests/setup/env.ts points each worker at its
 * own. With one worker (--runInBand) the named database is used as it is.
 */
export default async function workerDatabases(globalConfig) {
  const url = process.env.DATABASE_URL;
  if (!url || globalConfig.maxWorkers < 2) return;
  const base = new URL(url);
  const name = base.pathname.slice(1);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (let worker = 1; worker <= globalConfig.maxWorkers; worker++) {
      const own = admin(`${name}_w${worker}`);
      await admin`drop database if exists ${own} with (force)`;
      await admin`create database ${own}`;
    }
  } finally {
    await admin.end();
  }
  process.env.JEST_WORKER_DATABASES = url;
}
