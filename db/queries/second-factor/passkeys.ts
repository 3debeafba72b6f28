import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../client";
import { passkeys, type PasskeyDeviceType } from "../../schema";

/** A user's passkeys: what WebAuthn verification needs, and what the user may see of them. */

export type NewPasskey = {
  userId: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: PasskeyDeviceType;
  backedUp: boolean;
  name: string;
  now: Date;
};

/** Stores a verified passkey; its id, or undefined when that credential is already registered (to anyone). */
export async function insertPasskey(executor: Executor, values: NewPasskey): Promise<string | undefined> {
  const { now, ...passkey } = values;
  const [row] = await executor
    .insert(passkeys)
    .values({ ...passkey, createdAt: now })
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning({ id: passkeys.id });
  return row?.id;
}

/** The user's passkeys, oldest first, with what options and lists need (no public key). */
export async function listUserPasskeys(executor: Executor, userId: string) {
  return executor
    .select({
      id: passkeys.id,
      credentialId: passkeys.credentialId,
      transports: passkeys.transports,
      name: passkeys.name,
      deviceType: passkeys.deviceType,
      backedUp: passkeys.backedUp,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
    })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** One passkey of the user by its credential id, with its public key and counter. */
export async function findUserPasskey(executor: Executor, userId: string, credentialId: string) {
  const [row] = await executor
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.credentialId, credentialId)))
    .limit(1);
  return row;
}

/** After a verified assertion: the authenticator's new counter and backup state, and when. */
export async function recordPasskeyUse(
  executor: Executor,
  values: { id: string; counter: number; deviceType: PasskeyDeviceType; backedUp: boolean; now: Date },
): Promise<void> {
  const { id, now, ...state } = values;
  await executor
    .update(passkeys)
    .set({ ...state, lastUsedAt: now })
    .where(eq(passkeys.id, id));
}

/** Removes one passkey of the user; its name when it was theirs. */
export async function deleteUserPasskey(executor: Executor, userId: string, passkeyId: string) {
  const [row] = await executor
    .delete(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, passkeyId)))
    .returning({ name: passkeys.name });
  return row?.name;
}
