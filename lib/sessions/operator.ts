import { notFound, redirect } from "next/navigation";
import { now } from "@/lib/platform/clock";
import { currentUser } from "./guard";
import type { SessionUser } from "./refresh";

/** Sensitive operator actions need a sign-in or re-authentication this recent. */
export const RECENT_AUTHENTICATION_MINUTES = 15;

/**
 * Every /admin page, route handler and action calls this itself: anyone but a signed-in
 * operator gets a 404, as if the admin area did not exist.
 */
export async function requireOperator(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || user.role !== "operator") notFound();
  if (!user.termsAccepted) redirect("/terms");
  return user;
}

/**
 * Whether the operator proved who they are within the last 15 minutes in this very session
 * (its sign-in or a re-authentication answered in it): a sign-in on another device does not
 * freshen a stale or stolen session.
 */
export function authenticatedRecently(user: Pick<SessionUser, "authenticatedAt">): boolean {
  return now().getTime() - user.authenticatedAt.getTime() <= RECENT_AUTHENTICATION_MINUTES * 60_000;
}
