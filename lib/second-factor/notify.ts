import type { Executor } from "@/db/client";
import type { lockSecondFactorOwner } from "@/db/queries/second-factor";
import type { SecondFactorChange } from "@/emails";
import type { RequestContext } from "@/lib/http/request-context";
import { queueEmail, scheduleMailDispatch } from "@/lib/mail";

/**
 * Every change to a user's second factors is emailed to them: someone who took over a session
 * and added their own passkey, or used a recovery code, is seen by the owner at once. The email
 * is queued in the change's own transaction (it exists exactly when the change commits).
 */

export type SecondFactorOwner = NonNullable<Awaited<ReturnType<typeof lockSecondFactorOwner>>>;

export async function tellOwner(
  tx: Executor,
  owner: SecondFactorOwner,
  change: SecondFactorChange,
  context: RequestContext,
  details: { passkeyName?: string; remaining?: number } = {},
): Promise<void> {
  await queueEmail(tx, {
    to: owner.email,
    template: "second-factor-changed",
    locale: owner.locale,
    props: { name: owner.name, change, at: context.now.toISOString(), timeZone: owner.timeZone, ...details },
  });
}

/** Runs a change; when it went through, the dispatcher is woken after the commit to send its email. */
export async function withOwnerEmail<T>(change: () => Promise<T>, changed: (result: T) => boolean): Promise<T> {
  const result = await change();
  if (changed(result)) await scheduleMailDispatch();
  return result;
}
