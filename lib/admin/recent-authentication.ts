import { redirect } from "next/navigation";
import { issueReauthChallenge } from "@/lib/login";
import { requestContext } from "@/lib/http/request-context";
import { authenticatedRecently, type SessionUser } from "@/lib/sessions";
import { rememberAdminReauth } from "./account-actions";

/**
 * The 15-minute rule for sensitive operator actions (reset, disable, ending another user's
 * session, creating operators, publishing terms), read from this session's own last challenge.
 * When it is older, a fresh challenge is issued and the operator is sent to answer it, then
 * back to `returnTo`; nothing else happens in this request.
 */
export async function requireRecentAuthentication(operator: SessionUser, returnTo: string): Promise<void> {
  if (authenticatedRecently(operator)) return;
  const { challengeId } = await issueReauthChallenge(operator.id, await requestContext());
  await rememberAdminReauth(challengeId);
  redirect(`/admin/reauth?next=${encodeURIComponent(returnTo)}`);
}
