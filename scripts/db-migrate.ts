import { closeDb, getDb } from "@/db/client";

// Opening the database applies every committed migration (and the reference data).
async function main() {
  await getDb();
  await closeDb();
  console.log("Database is up to date.");
}

main().catch((error: Error) => {
  console.error(`Migration failed: ${error.message}`);
  process.exit(1);
});
