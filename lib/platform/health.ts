import { databaseAvailable } from "@/db/availability";
import { getDb } from "@/db/client";
import { pingDatabase } from "@/db/queries/health";

export type Health = { status: "ok" | "unavailable" };

/** Whether the portal can serve requests: today that means the database answers. */
export async function checkHealth(): Promise<Health> {
  try {
    await pingDatabase(await getDb());
    return { status: "ok" };
  } catch {
    return { status: "unavailable" };
  }
}

/**
 * The proxy's cheap check before each request: false only while a database outage is known
 * and the server has not answered a probe since (db/availability), so pages are not tried.
 */
export function servingAvailable(): Promise<boolean> {
  return databaseAvailable();
}
