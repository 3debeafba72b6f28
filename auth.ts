import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/env";
import { answerChallenge, reportSignIn } from "@/lib/login";
import { refreshSession, type SessionUser } from "@/lib/sessions/refresh";
import { SESSION_COOKIE } from "@/lib/sessions/cookie";
import { IDLE_MINUTES } from "@/lib/sessions/policy";
import type { SessionClaims } from "@/lib/sessions/policy";
import { now } from "@/lib/platform/clock";
import { clientIp } from "@/lib/http/request-context";

declare module "next-auth" {
  interface Session {
    user: Pick<SessionUser, "id" | "role" | "termsAccepted"> & DefaultSession["user"];
  }
  interface User {
    role?: SessionUser["role"];
    sessionVersion?: number;
    sessionKey?: string;
    termsAccepted?: boolean;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    claims?: SessionClaims;
    termsAccepted?: boolean;
  }
}

/**
 * Auth.js with one Credentials provider whose "password" is the answer to a stored challenge.
 * Sessions are JWTs checked against the database on every request (see refreshSession), so
 * revocation is immediate; the cookie slides with activity up to the idle limit.
 */
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: IDLE_MINUTES * 60 },
  pages: { signIn: "/login", error: "/login" },
  useSecureCookies: env.APP_URL.startsWith("https:"),
  cookies: { sessionToken: { name: SESSION_COOKIE } },
  logger: { error: () => {}, warn: () => {}, debug: () => {} },
  providers: [
    Credentials({
      credentials: { challengeId: {}, answer: {} },
      async authorize(credentials, request) {
        const challengeId = typeof credentials.challengeId === "string" ? credentials.challengeId : "";
        const answer = typeof credentials.answer === "string" ? credentials.answer : "";
        const context = { ip: clientIp(request.headers), userAgent: request.headers.get("user-agent"), now: now() };
        const result = await answerChallenge(challengeId, answer, context);
        if (!result.ok) throw new CredentialsSignin();
        reportSignIn(result.user);
        const { id, name, email, role, sessionVersion, sessionKey, termsAccepted } = result.user;
        return { id, name, email, role, sessionVersion, sessionKey, termsAccepted };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const at = now().getTime();
      if (user) {
        // Just checked against the database by the sign-in's own statement: no second look.
        const { id, role, sessionVersion, sessionKey } = user;
        token.claims = {
          userId: id!,
          role: role!,
          sessionVersion: sessionVersion!,
          sessionKey: sessionKey!,
          signedInAt: at,
          lastSeenAt: at,
        };
        token.termsAccepted = user.termsAccepted === true;
        return token;
      }
      if (!token.claims) return null;
      const refreshed = await refreshSession(token.claims, at);
      if (!refreshed) return null;
      token.claims = refreshed.claims;
      token.termsAccepted = refreshed.termsAccepted;
      return token;
    },
    session({ session, token }) {
      const claims = token.claims!;
      session.user = {
        ...session.user,
        id: claims.userId,
        role: claims.role,
        termsAccepted: token.termsAccepted ?? false,
      };
      return session;
    },
  },
});
