import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/env";
import {
  answerChallenge,
  answerSecondFactor,
  reportSignIn,
  type AnswerResult,
  type SecondStepResult,
} from "@/lib/login";
import { refreshSession, type SessionUser } from "@/lib/sessions/refresh";
import { SESSION_COOKIE } from "@/lib/sessions/cookie";
import { IDLE_MINUTES } from "@/lib/sessions/policy";
import type { SessionClaims, SignInMethod } from "@/lib/sessions/policy";
import { now } from "@/lib/platform/clock";
import { clientIp } from "@/lib/http/request-context";

declare module "next-auth" {
  interface Session {
    user: Pick<SessionUser, "id" | "role" | "termsAccepted" | "secondFactorSetupNeeded"> & DefaultSession["user"];
  }
  interface User {
    role?: SessionUser["role"];
    sessionVersion?: number;
    sessionKey?: string;
    termsAccepted?: boolean;
    amr?: SignInMethod[];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    claims?: SessionClaims;
    termsAccepted?: boolean;
    secondFactorSetupNeeded?: boolean;
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
const contextOf = (request: Request) => ({
  ip: clientIp(request.headers),
  userAgent: request.headers.get("user-agent"),
  now: now(),
});

/** Reports the step's result to the action that asked (sign-in-outcome) and lets in whom it signed in. */
async function signInWith(answering: Promise<AnswerResult | SecondStepResult>) {
  const result = await answering;
  reportSignIn(result);
  if (!result.ok) throw new CredentialsSignin();
  const { id, name, email, role, sessionVersion, sessionKey, termsAccepted, amr } = result.user;
  return { id, name, email, role, sessionVersion, sessionKey, termsAccepted, amr };
}

/**
 * Auth.js with two Credentials providers, the matrix and the second step, whose "passwords" are
 * answers checked by lib/login.
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
    // Step one: the matrix. For a user with a second factor it signs nobody in (see AnswerResult).
    Credentials({
      id: "credentials",
      credentials: { challengeId: {}, answer: {} },
      authorize: (credentials, request) =>
        signInWith(answerChallenge(text(credentials.challengeId), text(credentials.answer), contextOf(request))),
    }),
    // Step two: the browser's pending sign-in token and a code from the user's app or recovery codes, or a passkey's assertion.
    Credentials({
      id: "second-factor",
      credentials: { token: {}, method: {}, code: {} },
      authorize: (credentials, request) => {
        const method =
          credentials.method === "recovery-code" || credentials.method === "passkey" ? credentials.method : "totp";
        const answer = { method, code: text(credentials.code) } as const;
        return signInWith(answerSecondFactor(text(credentials.token), answer, contextOf(request)));
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const at = now().getTime();
      if (user) {
        // Just checked against the database by the sign-in's own statement: no second look.
        const { id, role, sessionVersion, sessionKey, amr } = user;
        token.claims = {
          userId: id!,
          role: role!,
          sessionVersion: sessionVersion!,
          sessionKey: sessionKey!,
          signedInAt: at,
          lastSeenAt: at,
          amr: amr!,
        };
        token.termsAccepted = user.termsAccepted === true;
        return token;
      }
      if (!token.claims) return null;
      const refreshed = await refreshSession(token.claims, at);
      if (!refreshed) return null;
      token.claims = refreshed.claims;
      token.termsAccepted = refreshed.termsAccepted;
      token.secondFactorSetupNeeded = refreshed.secondFactorSetupNeeded;
      return token;
    },
    session({ session, token }) {
      const claims = token.claims!;
      session.user = {
        ...session.user,
        id: claims.userId,
        role: claims.role,
        termsAccepted: token.termsAccepted ?? false,
        // Known from the first request after sign-in on (the sign-in itself does not look).
        secondFactorSetupNeeded: token.secondFactorSetupNeeded ?? false,
      };
      return session;
    },
  },
});
