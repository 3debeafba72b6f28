import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import type { SessionUser } from "./refresh";

/** Only same-origin paths may be returned to after sign-in. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  return value.length <= 512 ? value : null;
}

/**
 * The signed-in user, or null. Memoised per request (React cache): the root layout and the page
 * both ask, and each auth() decrypts the session and checks it against the database.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return session?.user?.id ? session.user : null;
});

/**
 * The check every portal page and action makes itself (the proxy is not the only lock):
 * signed in, and the current terms accepted.
 */
export async function requirePortalUser(returnTo = "/dashboard"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  if (!user.termsAccepted) redirect("/terms");
  return user;
}

/** Signed in, terms not yet required (the terms page itself). */
export async function requireSignedIn(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login?next=%2Fterms");
  return user;
}
