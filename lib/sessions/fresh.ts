import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/env";

const secure = env.APP_URL.startsWith("https:");
export const SESSION_COOKIE = `${secure ? "__Secure-" : ""}authjs.session-token`;

/**
 * The session just created in this server action: who signed in and whether terms remain to
 * be accepted. The request's own headers predate the sign-in, so the new cookie is read back.
 */
export async function freshSession(): Promise<{ userId: string; termsAccepted: boolean } | null> {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env.AUTH_SECRET, salt: SESSION_COOKIE });
  return token?.claims ? { userId: token.claims.userId, termsAccepted: token.termsAccepted === true } : null;
}
