import { hkdfSync } from "node:crypto";
import Provider, { interactionPolicy, type Configuration } from "oidc-provider";
import { env } from "@/env";
import { now } from "@/lib/platform/clock";
import { ACR_VALUES, findAccount } from "./account";
import { adapterFor } from "./adapter";
import { recordOidcEvents } from "./events";
import { loadExistingGrant } from "./grants";
import { loadSigningKeys, publishedKeyIds } from "./keys";
import { oidcState } from "./context";
import { renderOidcError, renderLogoutConfirmation, renderLogoutDone } from "./pages";

/** Where the provider's endpoints live; discovery is /.well-known/openid-configuration. */
export const OIDC_ROUTES = {
  authorization: "/oidc/auth",
  token: "/oidc/token",
  jwks: "/oidc/jwks",
  userinfo: "/oidc/me",
  revocation: "/oidc/token/revocation",
  end_session: "/oidc/session/end",
} as const;

/** The portal's own page for each interaction (sign-in, consent): app/authorize/[uid]. */
export const interactionPath = (uid: string) => `/authorize/${uid}`;

/** The provider's login prompt also asks when the portal's own session is not the provider session's user. */
function policy() {
  const prompts = interactionPolicy.base();
  prompts
    .get("login")!
    .checks.add(
      new interactionPolicy.Check("portal_session", "The portal session has ended or belongs to someone else", (ctx) =>
        (oidcState()?.portalUserId ?? null) !== (ctx.oidc.session?.accountId ?? null)
          ? interactionPolicy.Check.REQUEST_PROMPT
          : interactionPolicy.Check.NO_NEED_TO_PROMPT,
      ),
    );
  return prompts;
}

function cookieKeys(): string[] {
  const key = hkdfSync("sha256", env.AUTH_SECRET, Buffer.alloc(0), "matrix-portal oidc cookies v1", 32);
  return [Buffer.from(key).toString("base64url")];
}

async function configuration(): Promise<Configuration> {
  return {
    adapter: adapterFor,
    findAccount,
    jwks: { keys: await loadSigningKeys(now()) },
    cookies: { keys: cookieKeys() },
    routes: OIDC_ROUTES,
    scopes: ["openid", "email", "profile", "company", "offline_access"],
    // How and when the user signed in goes into every ID token, not only when a client asks.
    claims: {
      openid: ["sub", "acr", "amr", "auth_time"],
      email: ["email", "email_verified"],
      profile: ["name"],
      company: ["company"],
      sid: null,
    },
    acrValues: [...ACR_VALUES],
    responseTypes: ["code"],
    // Every client, confidential or public, must use PKCE (S256 is the only method the library offers).
    pkce: { required: () => true },
    clientDefaults: {
      grant_types: ["authorization_code"],
      response_types: ["code"],
      id_token_signed_response_alg: "RS256",
    },
    clientAuthMethods: ["client_secret_basic", "client_secret_post", "none"],
    enabledJWA: { idTokenSigningAlgValues: ["RS256"] },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      // Tokens are for the userinfo endpoint only: no resource servers, no DPoP or PAR to configure.
      resourceIndicators: { enabled: false },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: renderLogoutConfirmation,
        postLogoutSuccessSource: renderLogoutDone,
      },
    },
    interactions: { url: (_ctx, interaction) => interactionPath(interaction.uid), policy: policy() },
    loadExistingGrant,
    // Refresh tokens only for clients allowed offline_access; a new one each time it is used.
    rotateRefreshToken: true,
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 60 * 60,
      IdToken: 60 * 60,
      RefreshToken: 14 * 24 * 60 * 60,
      // Long enough for the matrix, a second factor and the terms.
      Interaction: 30 * 60,
      Session: 24 * 60 * 60,
      Grant: 365 * 24 * 60 * 60,
    },
    renderError: renderOidcError,
  };
}

const KEY_CHECK_MS = 60_000;
type Built = { provider: Provider; keyIds: string; checkedAt: number };
let built: Promise<Built> | undefined;

async function build(): Promise<Built> {
  const provider = new Provider(env.APP_URL, await configuration());
  // The bridge sets X-Forwarded-Proto and Host from APP_URL itself (bridge.ts).
  provider.proxy = true;
  recordOidcEvents(provider);
  return { provider, keyIds: await publishedKeyIds(now()), checkedAt: Date.now() };
}

/** The provider, rebuilt within a minute when another process rotated the signing keys. */
export async function getProvider(): Promise<Provider> {
  built ??= build().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  const current = await built;
  if (Date.now() - current.checkedAt > KEY_CHECK_MS) {
    current.checkedAt = Date.now();
    if ((await publishedKeyIds(now())) !== current.keyIds) {
      built = undefined;
      return getProvider();
    }
  }
  return current.provider;
}
