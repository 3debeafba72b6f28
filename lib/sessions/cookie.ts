import { decode, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/env";

const secure = env.APP_URL.startsWith("https:");
export const SESSION_COOKIE = `${secure ? "__Secure-" : ""}authjs.session-token`;

/**
 * The session token in this request's cookie, decoded with Auth.js's own helper; null when there
 * is none or it is not one of ours (expired, tampered, planted). Pages and actions read the
 * session this way: `auth()` would also run Auth.js's whole session endpoint (a CSRF token, a
 * re-encrypted cookie) whose cookies a page cannot set anyway. Only the proxy slides the cookie.
 */
export async function readSessionToken(): Promise<JWT | null> {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw) return null;
  try {
    return await decode({ token: raw, secret: env.AUTH_SECRET, salt: SESSION_COOKIE });
  } catch {
    return null;
  }
}
