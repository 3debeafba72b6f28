// Each jest test file gets its own in-memory PGlite unless a real server is named.
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";
process.env.LOG_LEVEL ??= "warn";
