import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { env } from "@/env";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

const portalPrefixes = ["/dashboard", "/account", "/admin"];

function isPortalPath(pathname: string): boolean {
  return portalPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * The request gate: security headers with a per-request CSP nonce, and the signed-in and
 * terms checks for portal pages. Pages and actions check again themselves.
 */
export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  const user = request.auth?.user;
  let response: NextResponse | null = null;
  if (isPortalPath(pathname) && !user) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else if (isPortalPath(pathname) && user && !user.termsAccepted) {
    response = NextResponse.redirect(new URL("/terms", request.url));
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, env.NODE_ENV === "development");
  if (!response) {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders(env.NODE_ENV === "production"))) response.headers.set(name, value);
  return response;
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
