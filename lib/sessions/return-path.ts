import { env } from "@/env";

const MAX_LENGTH = 512;

/**
 * Control characters and backslashes, raw or percent-encoded. Browsers drop tabs and line
 * breaks from a Location and read "\" as "/", so "/\t/evil.example" would leave the site;
 * CR/LF in a cookie or header would also turn into a 500.
 */
const UNSAFE = /[\u0000-\u001f\u007f\\]|%(?:[01][0-9a-f]|7f|5c)/i;

/**
 * Only same-origin paths may be returned to after sign-in: the value is resolved against
 * APP_URL as a browser would, must stay on its origin, and only its path and query are kept.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !value.startsWith("/") || UNSAFE.test(value))
    return null;
  // "//host" and "/%2F/host" are protocol-relative (the second once a server decodes it).
  if (/^\/(?:\/|%2f)/i.test(value)) return null;
  const origin = new URL(env.APP_URL).origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const path = `${url.pathname}${url.search}`;
  return path.length <= MAX_LENGTH && path.startsWith("/") && !path.startsWith("//") ? path : null;
}

/** Where a signed-in user who still has to accept the terms goes, keeping where they were headed. */
export function termsPath(returnTo: string | null): string {
  const next = safeReturnPath(returnTo);
  return next && next !== "/dashboard" ? `/terms?next=${encodeURIComponent(next)}` : "/terms";
}

/** Where a user the policy asks for a second factor sets one up, and its re-authentication page. */
export const SECOND_FACTOR_SETUP_PAGE = "/account/authenticator";
const SETUP_PAGES = [SECOND_FACTOR_SETUP_PAGE, "/account/reauth"];

/** A page a user who still has to set up a second factor may open (the setup and its re-authentication). */
export function isSecondFactorSetup(pathname: string): boolean {
  return SETUP_PAGES.includes(pathname);
}

/** The setup page, keeping where the user was headed. */
export function secondFactorSetupPath(returnTo: string | null): string {
  const next = safeReturnPath(returnTo);
  return next && next !== "/dashboard" && !isSecondFactorSetup(new URL(next, "http://portal").pathname)
    ? `${SECOND_FACTOR_SETUP_PAGE}?next=${encodeURIComponent(next)}`
    : SECOND_FACTOR_SETUP_PAGE;
}
