/**
 * Where a form on a page that can finish an application's sign-in (OpenID Connect) may end up:
 * Chromium checks form-action on every redirect after the post, and the last one goes to the
 * application's registered URI, which is https or loopback http (lib/oidc/clients.ts).
 */
const APPLICATION_RETURN = "https: http://localhost:* http://127.0.0.1:* http://[::1]:*";

/**
 * The Content-Security-Policy for one response: scripts only with this response's nonce,
 * no framing (a framed matrix page could be click-jacked), no plugins, forms only to us (and,
 * on the pages of an application's sign-in, on to where applications receive their answer).
 */
export function contentSecurityPolicy(nonce: string, development: boolean, applicationReturn = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "frame-src 'self'",
    "frame-ancestors 'none'",
    `form-action 'self'${applicationReturn ? ` ${APPLICATION_RETURN}` : ""}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

export function securityHeaders(production: boolean): Record<string, string> {
  return {
    // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on plain form
    // posts, and a post we cannot tell from a cross-site one must be refused, which would break
    // sign-in without JavaScript. Nothing is ever sent to another origin.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
