import { now } from "@/lib/platform/clock";
import type { SessionUser } from "@/lib/sessions";

/**
 * Where a signed-in user proves again who they are before a sensitive change: on their account
 * pages (changing the matrix password), before adding or removing a sign-in method, and in the
 * admin area (resets, disabling, ending another user's session, creating operators, publishing terms).
 */
export type ReauthScope = "account" | "methods" | "admin";

/**
 * How long a sign-in or re-authentication answered in this very session counts as recent.
 * Operators get 15 minutes. A matrix password change always asks for the current pattern
 * first: no sign-in, however recent, stands in for it (an unlocked computer is not enough).
 */
export const RECENT_SIGN_IN_MINUTES: Record<ReauthScope, number> = { admin: 15, methods: 15, account: 0 };

/**
 * Each scope's challenge page, the return path used when none (or a foreign one) is given, and
 * the areas a return path may lead into. The pending challenge's cookie is kept to the page's area.
 */
export const REAUTH_PAGES: Record<ReauthScope, { page: string; home: string; areas: [string, ...string[]] }> = {
  account: { page: "/account/password", home: "/account/password", areas: ["/account"] },
  methods: { page: "/account/reauth", home: "/dashboard", areas: ["/account", "/dashboard"] },
  admin: { page: "/admin/reauth", home: "/admin/users", areas: ["/admin"] },
};

/** The path the scope's pending-challenge cookie is sent to: its challenge page's area. */
export const challengeCookiePath = (scope: ReauthScope): string => REAUTH_PAGES[scope].areas[0];

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
  const { home, areas } = REAUTH_PAGES[scope];
  if (typeof value !== "string" || value.length > 512 || value.includes("\\") || value.includes("//")) return home;
  const inArea = areas.some((area) => value === area || ["/", "?", "#"].some((mark) => value.startsWith(area + mark)));
  return inArea ? value : home;
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
