// Each jest test file gets its own in-memory PGlite unless a real server is named.
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";
// Several workers on a real server: each has its own database (tests/setup/worker-databases.mjs).
else if (process.env.JEST_WORKER_DATABASES) {
  const own = new URL(process.env.JEST_WORKER_DATABASES);
  own.pathname += `_w${process.env.JEST_WORKER_ID}`;
  process.env.DATABASE_URL = own.toString();
}
process.env.LOG_LEVEL ??= "warn";
