import { redirect } from "next/navigation";
import { requireAcceptedTerms, requireOperator, requirePortalUser, type SessionUser } from "@/lib/sessions";
import { issue } from "./challenge";
import { reauthPage, signedInRecently, type ReauthScope } from "./policy";

/** Who may take a scope's sensitive actions at all, before the recent-sign-in rule. */
const members: Record<ReauthScope, (returnTo: string) => Promise<SessionUser>> = {
  account: (returnTo) => requirePortalUser(returnTo),
  // Open before a second factor exists: setting up the one the policy asks for is such a change.
  methods: (returnTo) => requireAcceptedTerms(returnTo),
  admin: () => requireOperator(),
};

/**
 * The one check every sensitive action makes: the scope's user (a signed-in customer, or an
 * operator: anyone else gets the scope's own refusal), who signed in or re-authenticated in this
 * very session recently enough. Otherwise a fresh challenge is issued and the user is sent to
 * answer it, then back to `returnTo`; nothing else happens in this request.
 */
export async function requireRecentSignIn(scope: ReauthScope, returnTo: string): Promise<SessionUser> {
  const user = await members[scope](returnTo);
  if (signedInRecently(user, scope)) return user;
  await issue(user, scope);
  redirect(reauthPage(scope, returnTo));
}
