/**
 * Runs once when the server starts: opens the database and applies migrations, so a bad
 * configuration or an unreachable database stops the server at start, not at first request.
 */
export async function register() {
  // NEXT_RUNTIME is inlined by Next at build time, so it is read here rather than in env.ts.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./db/client");
    await getDb();
  }
}
