import { now } from "@/lib/platform/clock";
import type { SessionUser } from "@/lib/sessions";

/**
 * Where a signed-in user proves again who they are before a sensitive change: customers on
 * their account pages (changing the matrix password), operators in the admin area (resets,
 * disabling, ending another user's session, creating operators, publishing terms).
 */
export type ReauthScope = "account" | "admin";

/**
 * How long a sign-in or re-authentication answered in this very session counts as recent.
 * Operators get 15 minutes. A matrix password change always asks for the current pattern
 * first: no sign-in, however recent, stands in for it (an unlocked computer is not enough).
 */
export const RECENT_SIGN_IN_MINUTES: Record<ReauthScope, number> = { admin: 15, account: 0 };

/** Each scope's challenge page and the return path used when none (or a foreign one) is given. */
export const REAUTH_PAGES: Record<ReauthScope, { page: string; home: string }> = {
  account: { page: "/account/password", home: "/account/password" },
  admin: { page: "/admin/reauth", home: "/admin/users" },
};

/**
 * Whether the user proved who they are recently enough in this session (its sign-in or a
 * re-authentication answered in it): a sign-in on another device does not freshen a stale or
 * stolen session, because the time is read from this session's own row.
 */
export function signedInRecently(user: Pick<SessionUser, "authenticatedAt">, scope: ReauthScope): boolean {
  const minutes = RECENT_SIGN_IN_MINUTES[scope];
  return minutes > 0 && now().getTime() - user.authenticatedAt.getTime() <= minutes * 60_000;
}

/** Where to return after re-authenticating: a same-origin path inside the scope, else its home. */
export function reauthReturnPath(scope: ReauthScope, value: unknown): string {
  const { home } = REAUTH_PAGES[scope];
  if (typeof value !== "string" || value.length > 512) return home;
  if (!new RegExp(`^/${scope}(/|\\?|$)`).test(value) || value.includes("\\") || value.includes("//")) return home;
  return value;
}

/** The challenge page of a scope, returning to `returnTo` once answered (no need to say so on that page itself). */
export function reauthPage(scope: ReauthScope, returnTo: string, retry = false): string {
  const { page } = REAUTH_PAGES[scope];
  const next = reauthReturnPath(scope, returnTo);
  const query = [next === page ? "" : `next=${encodeURIComponent(next)}`, retry ? "retry=1" : ""]
    .filter(Boolean)
    .join("&");
  return query ? `${page}?${query}` : page;
}
