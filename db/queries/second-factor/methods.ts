import { eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../client";
import {
  authenticatorApps,
  passkeys,
  pendingSignIns,
  recoveryCodes,
  users,
  webauthnChallenges,
  type SecondFactorRequirement,
} from "../../schema";
import { qualified } from "../sql";

/** What the rest needs to know about a user's second factors as a whole: never a secret. */

/**
 * True when the user (the column given, e.g. users.id in a sign-in query) has a passkey or an
 * authenticator app turned on: a sub-select to fold into a query the caller runs anyway.
 */
export function hasSecondFactorSql(userId: AnyPgColumn): SQL<boolean> {
  return sql<boolean>`(${hasPasskey(userId)} or ${hasAuthenticatorApp(userId)})`;
}

const hasPasskey = (userId: AnyPgColumn) =>
  sql`exists (select 1 from ${passkeys} where ${qualified(passkeys.userId)} = ${qualified(userId)})`;

const hasAuthenticatorApp = (userId: AnyPgColumn) =>
  sql<boolean>`exists (select 1 from ${authenticatorApps} where ${qualified(authenticatorApps.userId)} = ${qualified(userId)} and ${qualified(authenticatorApps.confirmedAt)} is not null)`;

/** The user's role, override and methods, in one statement; undefined for an unknown user. */
export async function findSecondFactorSummary(executor: Executor, userId: string) {
  const [row] = await executor
    .select({
      role: users.role,
      secondFactorRequirement: users.secondFactorRequirement,
      passkeys: sql<number>`(select count(*)::int from ${passkeys} where ${qualified(passkeys.userId)} = ${qualified(users.id)})`,
      authenticatorApp: hasAuthenticatorApp(users.id),
      recoveryCodes: sql<number>`(select count(*)::int from ${recoveryCodes} where ${qualified(recoveryCodes.userId)} = ${qualified(users.id)} and ${qualified(recoveryCodes.usedAt)} is null)`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/**
 * Locks the user's row for a change to their second factors and returns who they are (for the
 * email that tells them). Every change to the set of methods takes this lock first, so the
 * rules that look at the whole set (the first method brings recovery codes, the last one takes
 * them away) never race each other.
 */
export async function lockSecondFactorOwner(executor: Executor, userId: string) {
  const [row] = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      locale: users.locale,
      timeZone: users.timeZone,
      secondFactorRequirement: users.secondFactorRequirement,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update")
    .limit(1);
  return row;
}

/** Whether the user still has a passkey or an app turned on (inside the locking transaction). */
export async function hasSecondFactor(executor: Executor, userId: string): Promise<boolean> {
  const [row] = await executor
    .select({ enrolled: hasSecondFactorSql(users.id) })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.enrolled === true;
}

/** Deletes every method of the user and every pending step that could still use one. */
export async function deleteSecondFactors(executor: Executor, userId: string) {
  const removedPasskeys = await executor
    .delete(passkeys)
    .where(eq(passkeys.userId, userId))
    .returning({ id: passkeys.id });
  const removedApps = await executor
    .delete(authenticatorApps)
    .where(eq(authenticatorApps.userId, userId))
    .returning({ confirmedAt: authenticatorApps.confirmedAt });
  const removedCodes = await executor
    .delete(recoveryCodes)
    .where(eq(recoveryCodes.userId, userId))
    .returning({ id: recoveryCodes.id });
  await executor.delete(webauthnChallenges).where(eq(webauthnChallenges.userId, userId));
  await executor.delete(pendingSignIns).where(eq(pendingSignIns.userId, userId));
  return {
    passkeys: removedPasskeys.length,
    authenticatorApp: removedApps.some((app) => app.confirmedAt !== null),
    recoveryCodes: removedCodes.length,
  };
}

export async function updateSecondFactorRequirement(
  executor: Executor,
  userId: string,
  requirement: SecondFactorRequirement,
  now: Date,
): Promise<boolean> {
  const rows = await executor
    .update(users)
    .set({ secondFactorRequirement: requirement, updatedAt: now })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** How many active users have a second factor and how many have not (the operators' overview). */
export async function countActiveUsersBySecondFactor(executor: Executor) {
  const [row] = await executor
    .select({
      with: sql<number>`count(*) filter (where ${hasSecondFactorSql(users.id)})::int`,
      without: sql<number>`count(*) filter (where not ${hasSecondFactorSql(users.id)})::int`,
    })
    .from(users)
    .where(eq(users.status, "active"));
  return { with: row?.with ?? 0, without: row?.without ?? 0 };
}
