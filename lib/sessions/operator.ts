import { notFound, redirect } from "next/navigation";
import { lastAuthenticationAt } from "@/db/queries/login";
import { now } from "@/lib/clock";
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

/** Whether the operator proved who they are within the last 15 minutes. */
export async function authenticatedRecently(userId: string): Promise<boolean> {
  const at = await lastAuthenticationAt(userId);
  return at !== null && now().getTime() - at.getTime() <= RECENT_AUTHENTICATION_MINUTES * 60_000;
}
