import { transaction, type Executor } from "@/db/client";
import { unlockUser } from "@/db/queries/lockout";
import {
  claimUnlockLinkRenewal,
  consumeUnlockLink,
  findUsableUnlockLink,
  insertUnlockLink,
  recordFailedUnlockVerification,
} from "@/db/queries/unlock";
import { env } from "@/env";
import { recordAudit } from "@/lib/audit";
import { generateToken, hashToken } from "@/lib/crypto";
import { checkLinkIdentity, isLinkUsable, type IdentityCheckFailure, type IdentityLinks } from "@/lib/identity/check";
import { queueEmail, scheduleMailDispatch } from "@/lib/mail";
import type { RequestContext } from "@/lib/http/request-context";
import { MAX_FAILURES_BEFORE_OPERATOR } from "./policy";

/**
 * The owner's own way out of the lasting lock: a single-use link emailed to the account's
 * address, which also needs the identity check. An attacker who only knows the address can
 * lock the account but never hold the link, so cannot keep the owner out.
 */

const unlockLinks: IdentityLinks<NonNullable<Awaited<ReturnType<typeof findUsableUnlockLink>>>> = {
  find: findUsableUnlockLink,
  recordFailure: recordFailedUnlockVerification,
  events: { failed: "login.unlock_identity_failed", voided: "login.unlock_link_voided" },
};

/** Issues a new unlock link (voiding older ones) in the caller's transaction; the URL goes only into the sealed email. */
export async function issueUnlockLink(
  tx: Executor,
  userId: string,
  context: RequestContext,
): Promise<{ link: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(context.now.getTime() + env.UNLOCK_LINK_TTL_MINUTES * 60_000);
  await insertUnlockLink(tx, { userId, tokenHash: hashToken(token), expiresAt, createdAt: context.now });
  return { link: `${env.APP_URL}/unlock/${token}`, expiresAt };
}

type LockedAccount = { userId: string; email: string; name: string; locale: string; timeZone: string };

/** Issues an unlock link and queues the lasting-lock email that carries it, in the caller's transaction. */
export async function sendUnlockLink(tx: Executor, account: LockedAccount, context: RequestContext): Promise<void> {
  const unlock = await issueUnlockLink(tx, account.userId, context);
  await queueEmail(tx, {
    to: account.email,
    template: "account-locked",
    locale: account.locale,
    props: {
      name: account.name,
      unlocksAt: null,
      timeZone: account.timeZone,
      unlockLink: unlock.link,
      unlockLinkExpiresAt: unlock.expiresAt.toISOString(),
    },
  });
}

/**
 * A sign-in attempt on an account in the lasting lock sends its owner a fresh link when none was
 * issued within the link's lifetime: a link that expired unused must not leave the owner waiting
 * for an operator. At most one email per lifetime, and only ever to the account's own address.
 */
export async function renewUnlockLink(userId: string, context: RequestContext): Promise<void> {
  const since = new Date(context.now.getTime() - env.UNLOCK_LINK_TTL_MINUTES * 60_000);
  const sent = await transaction(async (tx) => {
    const account = await claimUnlockLinkRenewal(tx, userId, MAX_FAILURES_BEFORE_OPERATOR, since);
    if (!account) return false;
    await sendUnlockLink(tx, account, context);
    await recordAudit({ event: "login.unlock_link_renewed", subjectId: userId, outcome: "info" }, context, tx);
    return true;
  });
  if (sent) await scheduleMailDispatch();
}

/** Whether an unlock link can still be used. Reading it changes nothing. */
export async function isUnlockLinkUsable(token: string, now: Date): Promise<boolean> {
  return isLinkUsable(unlockLinks, token, now);
}

export type UnlockResult = { ok: true } | IdentityCheckFailure;

/** Raised inside the transaction to undo consuming the link when the account cannot be unlocked. */
class AccountNotUnlockable extends Error {}

/** Unlocks the link's account when the typed identity matches; uses the link up. */
export async function unlockWithLink(token: string, input: unknown, context: RequestContext): Promise<UnlockResult> {
  const checked = await checkLinkIdentity(unlockLinks, token, input, context);
  if (!checked.ok) return checked;
  const { userId } = checked.link;
  try {
    await transaction(async (tx) => {
      // A concurrent use of the same link, or the account disabled meanwhile: nothing changes.
      if ((await consumeUnlockLink(tx, checked.link.linkId, context.now)) !== userId) throw new AccountNotUnlockable();
      if (!(await unlockUser(tx, userId, context.now, { activeOnly: true }))) throw new AccountNotUnlockable();
      await recordAudit(
        {
          event: "login.unlocked",
          actorId: userId,
          subjectId: userId,
          outcome: "success",
          details: { via: "email-link" },
        },
        context,
        tx,
      );
    });
  } catch (error) {
    if (error instanceof AccountNotUnlockable) return { ok: false, error: "link-invalid" };
    throw error;
  }
  return { ok: true };
}
