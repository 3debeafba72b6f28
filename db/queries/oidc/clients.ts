import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../client";
import { oidcClients } from "../../schema";

export type OidcClientRow = typeof oidcClients.$inferSelect;
export type NewOidcClient = typeof oidcClients.$inferInsert;

export async function insertOidcClient(executor: Executor, client: NewOidcClient): Promise<void> {
  await executor.insert(oidcClients).values(client);
}

export async function findOidcClient(executor: Executor, id: string): Promise<OidcClientRow | undefined> {
  const [row] = await executor.select().from(oidcClients).where(eq(oidcClients.id, id)).limit(1);
  return row;
}

export async function listOidcClients(executor: Executor): Promise<OidcClientRow[]> {
  return executor.select().from(oidcClients).orderBy(asc(oidcClients.name), asc(oidcClients.id));
}

/** Changes one client; false when there is no such client. */
export async function updateOidcClient(
  executor: Executor,
  id: string,
  values: Partial<Pick<OidcClientRow, "secretHash" | "disabledAt">> & { updatedAt: Date },
): Promise<boolean> {
  const rows = await executor
    .update(oidcClients)
    .set(values)
    .where(eq(oidcClients.id, id))
    .returning({ id: oidcClients.id });
  return rows.length === 1;
}

export async function deleteOidcClient(executor: Executor, id: string): Promise<boolean> {
  const rows = await executor.delete(oidcClients).where(eq(oidcClients.id, id)).returning({ id: oidcClients.id });
  return rows.length === 1;
}
