import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { now } from "@/lib/platform/clock";
import { readSessionToken } from "./cookie";
import { refreshSession, type SessionUser } from "./refresh";
import { secondFactorSetupPath, termsPath } from "./return-path";

/**
 * The signed-in user, or null: the session cookie re-checked against the database, as the
 * Auth.js jwt callback does. Memoised per request (React cache): the root layout and the page
 * both ask.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = (await readSessionToken())?.claims;
  if (!claims) return null;
  const refreshed = await refreshSession(claims, now().getTime());
  if (!refreshed) return null;
  const { termsAccepted, secondFactorSetupNeeded, sessionId, authenticatedAt } = refreshed;
  return { id: claims.userId, role: claims.role, termsAccepted, secondFactorSetupNeeded, sessionId, authenticatedAt };
});

/**
 * The check every portal page and action makes itself (the proxy is not the only lock):
 * signed in, the current terms accepted, and a second factor set up if the policy asks for one.
 */
export async function requirePortalUser(returnTo = "/dashboard"): Promise<SessionUser> {
  const user = await requireAcceptedTerms(returnTo);
  if (user.secondFactorSetupNeeded) redirect(secondFactorSetupPath(returnTo));
  return user;
}

/** Signed in and the current terms accepted: the second-factor setup pages, open before a factor exists. */
export async function requireAcceptedTerms(returnTo = "/dashboard"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  if (!user.termsAccepted) redirect(termsPath(returnTo));
  return user;
}

/** Signed in, terms not yet required (the terms page itself). */
export async function requireSignedIn(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login?next=%2Fterms");
  return user;
}

/**
 * Every /admin page, route handler and action calls this itself: anyone but a signed-in
 * operator gets a 404, as if the admin area did not exist.
 */
export async function requireOperator(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || user.role !== "operator") notFound();
  if (!user.termsAccepted) redirect("/terms");
  if (user.secondFactorSetupNeeded) redirect(secondFactorSetupPath("/admin"));
  return user;
}
