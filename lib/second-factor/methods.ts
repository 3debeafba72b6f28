import { getDb } from "@/db/client";
import { countActiveUsersBySecondFactor, findSecondFactorSummary } from "@/db/queries/second-factor";
import { isUuid } from "@/db/ids";
import type { SecondFactorRequirement } from "@/db/schema";
import { secondFactorRequired } from "./policy";

/**
 * What a user has as second factors, for the sign-in step (which buttons to offer), their
 * dashboard and the operators' user page. Counts and flags only: never a secret or a key.
 */
export type SecondFactorMethods = {
  passkeys: number;
  /** An authenticator app turned on (a setup not yet confirmed does not count). */
  authenticatorApp: boolean;
  /** Unused recovery codes. */
  recoveryCodes: number;
  /** A passkey or an app: what the policy asks for (recovery codes only stand in for one). */
  enrolled: boolean;
};

const NONE: SecondFactorMethods = Object.freeze({
  passkeys: 0,
  authenticatorApp: false,
  recoveryCodes: 0,
  enrolled: false,
});

export type SecondFactorStatus = {
  /** The policy and the operators' override ask this user for a second factor. */
  required: boolean;
  /** The operators' override for this user ("inherit": the policy decides). */
  requirement: SecondFactorRequirement;
  methods: SecondFactorMethods;
};

/** The user's methods and whether they must have one, in one query; null for an unknown user. */
export async function secondFactorStatus(userId: string): Promise<SecondFactorStatus | null> {
  if (!isUuid(userId)) return null;
  const row = await findSecondFactorSummary(await getDb(), userId);
  if (!row) return null;
  const { role, secondFactorRequirement, passkeys, authenticatorApp, recoveryCodes } = row;
  return {
    required: secondFactorRequired({ role, secondFactorRequirement }),
    requirement: secondFactorRequirement,
    methods: { passkeys, authenticatorApp, recoveryCodes, enrolled: passkeys > 0 || authenticatorApp },
  };
}

/** The user's methods (none for an unknown user). */
export async function methodsOf(userId: string): Promise<SecondFactorMethods> {
  return (await secondFactorStatus(userId))?.methods ?? NONE;
}

/** How many active users have a second factor and how many have none (the operators' overview). */
export async function secondFactorOverview(): Promise<{ with: number; without: number }> {
  return countActiveUsersBySecondFactor(await getDb());
}

/**
 * Whether the user may remove one of their passkeys or their app: not when the policy requires a
 * second factor and it is their only one (the setup gate would only send them straight back).
 */
export function mayRemoveMethod(status: SecondFactorStatus): boolean {
  const { passkeys, authenticatorApp } = status.methods;
  return !status.required || passkeys + (authenticatorApp ? 1 : 0) > 1;
}
