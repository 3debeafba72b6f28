import { and, eq, gt, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import type { Executor } from "../../client";
import { authenticatorApps } from "../../schema";

/**
 * The authenticator app (TOTP) rows. Turning an app on and accepting a code are each one atomic
 * UPDATE … WHERE, so two requests racing with one code cannot both get it accepted.
 */

/**
 * Stores a new pending setup, replacing an unconfirmed one. False (nothing written) when the
 * user already has an app turned on: that one stays until it is turned off.
 */
export async function storePendingAuthenticatorApp(
  executor: Executor,
  values: { userId: string; sealedSecret: string; keyId: string; now: Date },
): Promise<boolean> {
  const { now, ...app } = values;
  const rows = await executor
    .insert(authenticatorApps)
    .values({ ...app, createdAt: now })
    .onConflictDoUpdate({
      target: authenticatorApps.userId,
      set: { sealedSecret: app.sealedSecret, keyId: app.keyId, createdAt: now, lastAcceptedStep: null },
      setWhere: isNull(authenticatorApps.confirmedAt),
    })
    .returning({ userId: authenticatorApps.userId });
  return rows.length === 1;
}

export async function findAuthenticatorApp(executor: Executor, userId: string) {
  const [row] = await executor
    .select({
      sealedSecret: authenticatorApps.sealedSecret,
      confirmedAt: authenticatorApps.confirmedAt,
      createdAt: authenticatorApps.createdAt,
    })
    .from(authenticatorApps)
    .where(eq(authenticatorApps.userId, userId))
    .limit(1);
  return row;
}

/**
 * Turns the pending setup on with the step its first code was valid for. It must still be the
 * secret the code was checked against (another tab may have started a new setup) and started
 * after `setupSince`.
 */
export async function confirmAuthenticatorApp(
  executor: Executor,
  values: { userId: string; sealedSecret: string; step: number; setupSince: Date; now: Date },
): Promise<boolean> {
  const rows = await executor
    .update(authenticatorApps)
    .set({ confirmedAt: values.now, lastAcceptedStep: values.step })
    .where(
      and(
        eq(authenticatorApps.userId, values.userId),
        isNull(authenticatorApps.confirmedAt),
        eq(authenticatorApps.sealedSecret, values.sealedSecret),
        gt(authenticatorApps.createdAt, values.setupSince),
      ),
    )
    .returning({ userId: authenticatorApps.userId });
  return rows.length === 1;
}

/** Accepts a code's step once: only when it is newer than every step accepted before. */
export async function acceptAuthenticatorStep(executor: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await executor
    .update(authenticatorApps)
    .set({ lastAcceptedStep: step })
    .where(
      and(
        eq(authenticatorApps.userId, userId),
        isNotNull(authenticatorApps.confirmedAt),
        or(isNull(authenticatorApps.lastAcceptedStep), lt(authenticatorApps.lastAcceptedStep, step)),
      ),
    )
    .returning({ userId: authenticatorApps.userId });
  return rows.length === 1;
}

/** Removes the user's app, pending or on. Whether one that was on went. */
export async function deleteAuthenticatorApp(executor: Executor, userId: string): Promise<boolean> {
  const rows = await executor
    .delete(authenticatorApps)
    .where(eq(authenticatorApps.userId, userId))
    .returning({ confirmedAt: authenticatorApps.confirmedAt });
  return rows.some((row) => row.confirmedAt !== null);
}

/** For the periodic purge: setups never turned on, started before `before`. */
export async function deleteAbandonedAuthenticatorSetups(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(authenticatorApps)
    .where(and(isNull(authenticatorApps.confirmedAt), lt(authenticatorApps.createdAt, before)))
    .returning({ userId: authenticatorApps.userId });
  return rows.length;
}

/** Up to `limit` apps whose secret is sealed under another key than `currentKeyId` (a rotation's leftovers). */
export async function findAuthenticatorAppsSealedWithOtherKeys(
  executor: Executor,
  currentKeyId: string,
  limit: number,
) {
  return executor
    .select({ userId: authenticatorApps.userId, sealedSecret: authenticatorApps.sealedSecret })
    .from(authenticatorApps)
    .where(ne(authenticatorApps.keyId, currentKeyId))
    .limit(limit);
}

/** Swaps one app's sealed secret, only if it is still the one that was read. */
export async function replaceSealedSecret(
  executor: Executor,
  values: { userId: string; previous: string; sealedSecret: string; keyId: string },
): Promise<boolean> {
  const rows = await executor
    .update(authenticatorApps)
    .set({ sealedSecret: values.sealedSecret, keyId: values.keyId })
    .where(and(eq(authenticatorApps.userId, values.userId), eq(authenticatorApps.sealedSecret, values.previous)))
    .returning({ userId: authenticatorApps.userId });
  return rows.length === 1;
}
