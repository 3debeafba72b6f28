import { closeDb, getDb } from "@/db/client";
import { resealPatternHistory } from "@/lib/credentials/history";

// Opening the database applies every committed migration (and the reference data); the
// pattern-history step needs PATTERN_KEY, so it runs here in TypeScript, not in SQL.
async function main() {
  await getDb();
  await resealPatternHistory();
  await closeDb();
  console.log("Database is up to date.");
}

main().catch((error: Error) => {
  console.error(`Migration failed: ${error.message}`);
  process.exit(1);
});
