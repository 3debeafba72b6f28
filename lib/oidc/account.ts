import type { Account, KoaContextWithOIDC } from "oidc-provider";
import { getDb } from "@/db/client";
import { isUuid } from "@/db/ids";
import { findUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { MAX_FAILURES_BEFORE_OPERATOR } from "@/lib/login/policy";
import { now } from "@/lib/platform/clock";
import type { SignInMethod } from "@/lib/sessions/policy";

/**
 * The identity an application gets: `sub` is the user's id (stable when the email changes),
 * email is verified (onboarding proved it), name and company from the profile.
 */
export function accountClaims(user: Pick<User, "id" | "email" | "name" | "company">) {
  return {
    sub: user.id,
    email: user.email,
    email_verified: true,
    name: user.name,
    company: user.company ?? undefined,
  };
}

/** Active and not locked: the users who may sign in anywhere. */
function maySignIn(user: User, at: Date): boolean {
  const locked =
    (user.lockedUntil !== null && user.lockedUntil > at) || user.failuresSinceUnlock >= MAX_FAILURES_BEFORE_OPERATOR;
  return user.status === "active" && !locked;
}

/** A disabled or locked user is unknown to the provider: no tokens, no userinfo, access_denied at sign-in. */
export async function findActiveUser(id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  const user = await findUserById(await getDb(), id);
  return user && maySignIn(user, now()) ? user : undefined;
}

export async function findAccount(_ctx: KoaContextWithOIDC, id: string): Promise<Account | undefined> {
  const user = await findActiveUser(id);
  if (!user) return undefined;
  return { accountId: user.id, claims: () => accountClaims(user) };
}

/** RFC 8176 names for how the user signed in; "mfa" when a second factor followed the matrix. */
const AMR: Record<SignInMethod, string> = { matrix: "pwd", totp: "otp", "recovery-code": "otp", passkey: "hwk" };
export function amrOf(methods: readonly SignInMethod[]): string[] {
  const names = [...new Set(methods.map((method) => AMR[method]))];
  return methods.length > 1 ? [...names, "mfa"] : names;
}

/** The authentication context: the matrix alone, or the matrix and a second factor. */
export const ACR_VALUES = ["urn:matrix-portal:acr:matrix", "urn:matrix-portal:acr:matrix-second-factor"] as const;
export const acrOf = (methods: readonly SignInMethod[]) => ACR_VALUES[methods.length > 1 ? 1 : 0];
