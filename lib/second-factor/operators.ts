import { transaction } from "@/db/client";
import { deleteSecondFactors, lockSecondFactorOwner, updateSecondFactorRequirement } from "@/db/queries/second-factor";
import { revokeAllUserSessions } from "@/db/queries/user-sessions";
import { bumpSessionVersion } from "@/db/queries/users";
import { isUuid } from "@/db/ids";
import { secondFactorRequirement, type SecondFactorRequirement } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/http/request-context";
import { tellOwner, withOwnerEmail } from "./notify";

/**
 * What operators do about a user's second factors: reset them (a lost phone and lost codes) and
 * override the policy for one user. Like the other operator verbs, the operator's own account is
 * refused: they manage their own methods from their dashboard, where the rules for that apply.
 */

export type SecondFactorResetResult = { ok: true } | { ok: false; error: "not-found" | "self" | "nothing-to-reset" };

/**
 * Removes every passkey, the authenticator app, the recovery codes and any pending second step,
 * and ends every session of the user: whoever held the lost device is signed out too. The user
 * then signs in with the matrix alone and, if the policy requires it, sets up a new method.
 */
export async function resetSecondFactors(
  userId: string,
  actorId: string,
  context: RequestContext,
): Promise<SecondFactorResetResult> {
  if (!isUuid(userId)) return { ok: false, error: "not-found" };
  if (actorId.toLowerCase() === userId.toLowerCase()) return { ok: false, error: "self" };
  const reset = () =>
    transaction(async (tx): Promise<SecondFactorResetResult> => {
      const owner = await lockSecondFactorOwner(tx, userId);
      if (!owner) return { ok: false, error: "not-found" };
      const removed = await deleteSecondFactors(tx, userId);
      if (removed.passkeys === 0 && !removed.authenticatorApp && removed.recoveryCodes === 0)
        return { ok: false, error: "nothing-to-reset" };
      await bumpSessionVersion(tx, userId, context.now);
      await revokeAllUserSessions(tx, userId, context.now);
      await recordAudit(
        { event: "second_factor.reset", actorId, subjectId: userId, outcome: "success", details: { ...removed } },
        context,
        tx,
      );
      await tellOwner(tx, owner, "reset", context);
      return { ok: true };
    });
  return withOwnerEmail(reset, (result) => result.ok);
}

export type RequirementResult = { ok: true } | { ok: false; error: "not-found" | "invalid" | "self" };

const isRequirement = (value: unknown): value is SecondFactorRequirement =>
  (secondFactorRequirement.enumValues as readonly unknown[]).includes(value);

/**
 * Sets the user's override: "inherit" (follow SECOND_FACTOR_POLICY), "required" or "not_required".
 * `actorId` is the operator who set it, or null for the command line; an operator cannot exempt
 * themselves.
 */
export async function setSecondFactorRequirement(
  userId: string,
  requirement: unknown,
  actorId: string | null,
  context: RequestContext,
): Promise<RequirementResult> {
  if (!isUuid(userId)) return { ok: false, error: "not-found" };
  if (!isRequirement(requirement)) return { ok: false, error: "invalid" };
  if (actorId !== null && actorId.toLowerCase() === userId.toLowerCase()) return { ok: false, error: "self" };
  return transaction(async (tx): Promise<RequirementResult> => {
    const owner = await lockSecondFactorOwner(tx, userId);
    if (!owner) return { ok: false, error: "not-found" };
    if (owner.secondFactorRequirement === requirement) return { ok: true };
    await updateSecondFactorRequirement(tx, userId, requirement, context.now);
    const details = { from: owner.secondFactorRequirement, to: requirement };
    await recordAudit(
      { event: "user.second_factor_requirement_changed", actorId, subjectId: userId, outcome: "success", details },
      context,
      tx,
    );
    return { ok: true };
  });
}
