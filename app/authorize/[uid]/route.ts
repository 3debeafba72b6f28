import { NextResponse } from "next/server";
import { requestContext } from "@/lib/http/request-context";
import { continueInteraction } from "@/lib/oidc/interaction";
import { SESSION_COOKIE } from "@/lib/sessions/cookie";

/**
 * Where the provider sends the browser when an application's sign-in needs the portal: to
 * /login, the terms, the consent page, or back to the provider with the signed-in user.
 */
export async function GET(request: Request, { params }: { params: Promise<{ uid: string }> }) {
  // The router's own fetches (a redirect after a server action) must not act on the interaction:
  // a non-RSC answer makes it navigate the whole page here instead.
  if (request.headers.has("rsc")) return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  const { uid } = await params;
  const step = await continueInteraction(request.headers, uid, await requestContext());
  const response = NextResponse.redirect(new URL(step.location, request.url), 303);
  response.headers.set("Cache-Control", "no-store");
  if (step.endPortalSession) response.cookies.delete(SESSION_COOKIE);
  return response;
}
