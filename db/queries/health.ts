import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/** Resolves when the database answers a trivial query; rejects otherwise. */
export async function pingDatabase(executor: Executor): Promise<void> {
  await executor.execute(sql`select 1`);
}
