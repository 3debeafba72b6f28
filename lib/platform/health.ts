import { pingDatabase } from "@/db/queries/health";

export type Health = { status: "ok" | "unavailable" };

/** Whether the portal can serve requests: today that means the database answers. */
export async function checkHealth(): Promise<Health> {
  try {
    await pingDatabase();
    return { status: "ok" };
  } catch {
    return { status: "unavailable" };
  }
}
