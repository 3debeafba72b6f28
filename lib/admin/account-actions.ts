import { z } from "zod";
import { transaction, type Transaction } from "@/db/client";
import { lockUserForStatusChange, setStatusAndEndSessions } from "@/db/queries/admin";
import { deleteCredential } from "@/db/queries/credentials";
import { hadPassword, updateProfile } from "@/db/queries/directory/user";
import { findUserById } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit";
import { companyField, fieldErrorsOf, nameField, phoneField, type FieldErrors } from "@/lib/identity";
import { unlockAccount } from "@/lib/login/lockout";
import { scheduleMailDispatch } from "@/lib/mail";
import { issueStartingGuide } from "@/lib/onboarding/guide";
import type { RequestContext } from "@/lib/http/request-context";
import { isUserId } from "./directory";

/**
 * What operators do to one account from its detail page, besides disable and enable (./users).
 * Each verb checks the id, runs in one transaction with the user's row locked, and audits with
 * the operator as actor. None of them reads, shows or sets a pattern.
 */

export type AccountActionResult =
  { ok: true } | { ok: false; error: "not-found" | "not-invited" | "no-password" | "disabled" | "self" };

/** An action that may queue a starting guide: one transaction, then the dispatcher is woken if it succeeded. */
async function withGuideMail(action: (tx: Transaction) => Promise<AccountActionResult>): Promise<AccountActionResult> {
  const result = await transaction(action);
  if (result.ok) await scheduleMailDispatch();
  return result;
}

/**
 * Sends an invited user a new starting guide; older links stop working. A user whose matrix
 * password an operator reset gets a "reset" link again, others an activation link.
 */
export async function resendStartingGuide(
  userId: string,
  actorId: string,
  context: RequestContext,
): Promise<AccountActionResult> {
  if (!isUserId(userId)) return { ok: false, error: "not-found" };
  return withGuideMail(async (tx) => {
    const locked = await lockUserForStatusChange(tx, userId);
    const user = locked && (await findUserById(tx, userId));
    if (!user) return { ok: false, error: "not-found" };
    if (user.status !== "invited") return { ok: false, error: "not-invited" };
    const purpose = (await hadPassword(tx, userId)) ? "reset" : "activation";
    await issueStartingGuide(tx, user, purpose, context, { actorId });
    await recordAudit(
      {
        event: "onboarding.guide_resent",
        actorId,
        subjectId: userId,
        outcome: "success",
        details: { via: "operator", purpose },
      },
      context,
      tx,
    );
    return { ok: true };
  });
}

/**
 * Resets a user's matrix password: the credential is deleted, every session ends (session
 * version bumped), the account goes back to "invited" (it has no password, exactly as after
 * registration) and a starting guide with purpose "reset" goes out, voiding older links. The
 * user then verifies their identity and sets a new pattern on the onboarding screens; the
 * earlier patterns' hashes are kept, so the reuse rule still applies. Lockout counters are left
 * as they are (unlock is its own action). Disabled accounts and the operator's own are refused.
 */
export async function resetMatrixPassword(
  userId: string,
  actorId: string,
  context: RequestContext,
): Promise<AccountActionResult> {
  if (!isUserId(userId)) return { ok: false, error: "not-found" };
  if (actorId.toLowerCase() === userId.toLowerCase()) return { ok: false, error: "self" };
  return withGuideMail(async (tx) => {
    const locked = await lockUserForStatusChange(tx, userId);
    const user = locked && (await findUserById(tx, userId));
    if (!locked || !user) return { ok: false, error: "not-found" };
    if (locked.status === "disabled") return { ok: false, error: "disabled" };
    if (!locked.hasCredential) return { ok: false, error: "no-password" };
    await deleteCredential(tx, userId);
    await setStatusAndEndSessions(tx, userId, "invited", context.now);
    await recordAudit(
      { event: "user.pattern_reset", actorId, subjectId: userId, outcome: "success", details: { from: locked.status } },
      context,
      tx,
    );
    await issueStartingGuide(tx, user, "reset", context, { actorId });
    return { ok: true };
  });
}

/** The operator's unlock (lib/login), with the operator as actor. */
export async function unlockUserAccount(
  userId: string,
  actorId: string,
  context: RequestContext,
): Promise<AccountActionResult> {
  return (await unlockAccount(userId, context, actorId)) ? { ok: true } : { ok: false, error: "not-found" };
}

/** An empty company clears it; the other fields are validated exactly as at registration. */
export const profileSchema = z.object({
  name: nameField,
  phone: phoneField,
  company: z.preprocess(
    (value) => (typeof value === "string" && value.normalize("NFKC").trim() === "" ? undefined : value),
    companyField.optional(),
  ),
});

export type ProfileField = "name" | "phone" | "company";
export type ProfileResult =
  | { ok: true; changed: ProfileField[] }
  | { ok: false; fieldErrors: FieldErrors<ProfileField> }
  | { ok: false; error: "not-found" };

/**
 * Corrects a user's name, phone or company (what identity verification compares against).
 * The audit event names the changed fields, never their values.
 */
export async function editProfile(
  userId: string,
  input: unknown,
  actorId: string,
  context: RequestContext,
): Promise<ProfileResult> {
  if (!isUserId(userId)) return { ok: false, error: "not-found" };
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf<ProfileField>(parsed.error) };
  const values = { name: parsed.data.name, phone: parsed.data.phone, company: parsed.data.company ?? null };
  return transaction(async (tx): Promise<ProfileResult> => {
    const locked = await lockUserForStatusChange(tx, userId);
    const before = locked && (await findUserById(tx, userId));
    if (!before) return { ok: false, error: "not-found" };
    const changed = (Object.keys(values) as ProfileField[]).filter(
      (field) => (before[field] ?? null) !== values[field],
    );
    if (changed.length === 0) return { ok: true, changed };
    await updateProfile(tx, userId, values, context.now);
    await recordAudit(
      {
        event: "user.profile_updated",
        actorId,
        subjectId: userId,
        outcome: "success",
        details: { fields: changed.join(",") },
      },
      context,
      tx,
    );
    return { ok: true, changed };
  });
}
