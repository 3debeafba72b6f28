import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { oidcModels } from "../../schema";

/**
 * oidc-provider's storage: one row per (model, id). Rows past expires_at are treated as gone
 * (and swept by deleteExpiredOidcModels), so an expired code is refused even before a sweep.
 */

export type StoredModel = {
  model: string;
  id: string;
  payload: Record<string, unknown>;
  expiresAt: Date | null;
};

const live = (now: Date) => or(isNull(oidcModels.expiresAt), gt(oidcModels.expiresAt, now));

export async function upsertOidcModel(executor: Executor, row: StoredModel): Promise<void> {
  const { payload } = row;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const values = {
    ...row,
    grantId: text(payload.grantId),
    userCode: text(payload.userCode),
    uid: text(payload.uid),
    accountId: text(payload.accountId),
  };
  await executor
    .insert(oidcModels)
    .values(values)
    .onConflictDoUpdate({
      target: [oidcModels.model, oidcModels.id],
      set: { ...values, consumedAt: null },
    });
}

type Lookup = { column: "id" | "uid" | "userCode"; value: string };

export async function findOidcModel(executor: Executor, model: string, lookup: Lookup, now: Date) {
  const [row] = await executor
    .select({ payload: oidcModels.payload, consumedAt: oidcModels.consumedAt })
    .from(oidcModels)
    .where(and(eq(oidcModels.model, model), eq(oidcModels[lookup.column], lookup.value), live(now)))
    .limit(1);
  return row;
}

/**
 * Marks a code or token used, once: of two requests racing with one code only one gets "consumed".
 * "already" carries the grant the row belongs to; "missing" when there is no such row.
 */
export async function consumeOidcModel(
  executor: Executor,
  model: string,
  id: string,
  now: Date,
): Promise<{ outcome: "consumed" | "missing" } | { outcome: "already"; grantId: string | null }> {
  const key = and(eq(oidcModels.model, model), eq(oidcModels.id, id));
  const updated = await executor
    .update(oidcModels)
    .set({ consumedAt: now })
    .where(and(key, isNull(oidcModels.consumedAt)))
    .returning({ id: oidcModels.id });
  if (updated.length === 1) return { outcome: "consumed" };
  const [row] = await executor.select({ grantId: oidcModels.grantId }).from(oidcModels).where(key).limit(1);
  return row ? { outcome: "already", grantId: row.grantId } : { outcome: "missing" };
}

export async function destroyOidcModel(executor: Executor, model: string, id: string): Promise<void> {
  await executor.delete(oidcModels).where(and(eq(oidcModels.model, model), eq(oidcModels.id, id)));
}

/** Everything issued under a grant: its codes, access and refresh tokens (any model). */
export async function revokeOidcGrant(executor: Executor, grantId: string): Promise<void> {
  await executor.delete(oidcModels).where(eq(oidcModels.grantId, grantId));
}

export async function deleteExpiredOidcModels(executor: Executor, now: Date): Promise<number> {
  const rows = await executor.delete(oidcModels).where(lte(oidcModels.expiresAt, now)).returning({ id: oidcModels.id });
  return rows.length;
}

/** The user's live grants (one per application they allowed), newest first. */
export async function findGrantsOfAccount(executor: Executor, accountId: string, now: Date) {
  return executor
    .select({
      id: oidcModels.id,
      clientId: sql<string>`${oidcModels.payload}->>'clientId'`,
      scope: sql<string | null>`${oidcModels.payload}->'openid'->>'scope'`,
      issuedAt: sql<number>`(${oidcModels.payload}->>'iat')::bigint`.mapWith(Number),
    })
    .from(oidcModels)
    .where(and(eq(oidcModels.model, "Grant"), eq(oidcModels.accountId, accountId), live(now)))
    .orderBy(sql`(${oidcModels.payload}->>'iat')::bigint desc`);
}

/** Deletes the user's grants for one client and everything issued under them; the grant ids. */
export async function revokeGrantsOfAccountForClient(
  executor: Executor,
  accountId: string,
  clientId: string,
): Promise<string[]> {
  const grants = await executor
    .delete(oidcModels)
    .where(
      and(
        eq(oidcModels.model, "Grant"),
        eq(oidcModels.accountId, accountId),
        sql`${oidcModels.payload}->>'clientId' = ${clientId}`,
      ),
    )
    .returning({ id: oidcModels.id });
  const ids = grants.map((grant) => grant.id);
  if (ids.length > 0) await executor.delete(oidcModels).where(inArray(oidcModels.grantId, ids));
  return ids;
}
