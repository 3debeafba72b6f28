import { SESSION_COOKIE } from "@/lib/sessions/cookie";
import { signOutSession } from "@/lib/sessions/end-session";
import { currentUser } from "@/lib/sessions/guard";
import type { RequestContext } from "@/lib/http/request-context";
import { env } from "@/env";

/**
 * An application's sign-out (RP-initiated logout), once the user said yes, also signs them out
 * of the portal: otherwise the next application would be let in without the matrix.
 */
export async function endPortalSessionOnLogout(response: Response, context: RequestContext): Promise<Response> {
  const user = await currentUser();
  if (!user) return response;
  await signOutSession(user, context);
  const answer = new Response(response.body, response);
  const secure = env.APP_URL.startsWith("https:") ? "; Secure" : "";
  answer.headers.append("set-cookie", `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
  return answer;
}
