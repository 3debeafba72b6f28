import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/env";

const secure = env.APP_URL.startsWith("https:");
export const SESSION_COOKIE = `${secure ? "__Secure-" : ""}authjs.session-token`;

/**
 * Whether the session just created in this server action still has terms to accept. The
 * request's own headers predate the sign-in, so the new cookie is read back and decoded.
 */
export async function freshSessionNeedsTerms(): Promise<boolean> {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw) return true;
  const token = await decode({ token: raw, secret: env.AUTH_SECRET, salt: SESSION_COOKIE });
  return token?.termsAccepted !== true;
}
