import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/auth";
import { env } from "@/env";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";
import { servingAvailable } from "@/lib/platform/health";
import { SESSION_COOKIE } from "@/lib/sessions/cookie";
import { isSecondFactorSetup, secondFactorSetupPath, termsPath } from "@/lib/sessions/return-path";
import { UNAVAILABLE_CSP, unavailableHeaders, unavailablePage } from "@/lib/http/unavailable";

const portalPrefixes = ["/dashboard", "/account", "/admin"];
/** Pages whose form can end in a redirect to an application signing in with the portal. */
const applicationSignInPrefixes = ["/oidc", "/authorize", "/login", "/terms", "/account/authenticator"];

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
const isPortalPath = (pathname: string) => portalPrefixes.some((prefix) => under(pathname, prefix));

type GateUser = { role: string; termsAccepted: boolean; secondFactorSetupNeeded?: boolean };
type Gate = { redirect: URL } | { notFound: true } | null;

/** Where a request may not go as it is. Pages and actions check again themselves. */
function gate(request: NextRequest, user: GateUser | undefined): Gate {
  const { pathname, search } = request.nextUrl;
  if (!isPortalPath(pathname)) return null;
  // Nobody but operators is told the admin area exists.
  if (under(pathname, "/admin") && user?.role !== "operator") return { notFound: true };
  if (!user) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    return { redirect: login };
  }
  if (!user.termsAccepted) return { redirect: new URL(termsPath(`${pathname}${search}`), request.url) };
  if (user.secondFactorSetupNeeded && !isSecondFactorSetup(pathname))
    return { redirect: new URL(secondFactorSetupPath(`${pathname}${search}`), request.url) };
  return null;
}

/**
 * A form post or server action from another origin. Next refuses these itself, but with a 500;
 * answering 403 here keeps bad input away from the 500 path.
 */
function isCrossOriginPost(request: NextRequest): boolean {
  // Applications call the OpenID Connect endpoints from their own origins (a browser app's token
  // request); those carry no portal cookie to abuse, and the provider checks them itself.
  if (request.method !== "POST" || under(request.nextUrl.pathname, "/oidc")) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" and other opaque origins
  }
}

/**
 * A server-action call whose body Next's decoder cannot read: the client sends multipart or
 * JSON, and anything else would reach the decoder and come back as a 500.
 */
async function isUnreadableActionCall(request: NextRequest): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  if (request.headers.get("content-type")?.startsWith("multipart/form-data")) return false;
  try {
    // The client sends the action's arguments as a JSON array.
    return !Array.isArray(JSON.parse(await request.clone().text()));
  } catch {
    return true;
  }
}

/** Security headers with a per-request CSP nonce, and the portal checks. */
function respond(request: NextRequest, user: GateUser | undefined) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const pathname = request.nextUrl.pathname;
  const csp = contentSecurityPolicy(
    nonce,
    env.NODE_ENV === "development",
    applicationSignInPrefixes.some((prefix) => under(pathname, prefix)),
  );
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);

  const decision = gate(request, user);
  const response =
    decision === null
      ? NextResponse.next({ request: { headers } })
      : "redirect" in decision
        ? NextResponse.redirect(decision.redirect)
        : NextResponse.rewrite(new URL("/404", request.url), { request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders(env.NODE_ENV === "production")))
    response.headers.set(name, value);
  return response;
}

/** With a session cookie: Auth.js checks it, slides its idle limit, and clears one that is not valid. */
const withSession = auth((request) => respond(request, request.auth?.user));

/**
 * The request gate. Cross-origin posts are refused first; then, while the database is known to
 * be down, every request but the health check gets the 503 page before Auth.js runs (a session
 * check failing there would otherwise clear the visitor's session cookie).
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const production = env.NODE_ENV === "production";
  if (isCrossOriginPost(request)) {
    return new NextResponse("Cross-origin requests are not accepted.", {
      status: 403,
      headers: securityHeaders(production),
    });
  }
  if (await isUnreadableActionCall(request)) {
    return new NextResponse("Bad request.", { status: 400, headers: securityHeaders(production) });
  }
  if (request.nextUrl.pathname !== "/api/health" && !(await servingAvailable())) {
    const body = unavailablePage({
      cookie: request.headers.get("cookie"),
      acceptLanguage: request.headers.get("accept-language"),
      path: request.nextUrl.pathname,
    });
    return new NextResponse(body, {
      status: 503,
      headers: { ...unavailableHeaders, ...securityHeaders(production), "Content-Security-Policy": UNAVAILABLE_CSP },
    });
  }
  // Without a session cookie there is nothing for Auth.js to read or refresh: it would only
  // mint a CSRF token nobody uses, on every page a visitor opens before signing in.
  if (!request.cookies.getAll().some(({ name }) => name.startsWith(SESSION_COOKIE))) return respond(request, undefined);
  return withSession(request, event as never);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
