import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as oidc from "openid-client";

/**
 * A small business application that signs its users in with the portal: openid-client doing
 * the authorization code flow with PKCE, as docs/OIDC.md tells applications to. Its pages say
 * what happened in plain text for the tests to read:
 *   /login[?pkce=0][&prompt=login][&max_age=N]  starts a sign-in
 *   /callback                                   redeems the code (or keeps it: /login?hold=1)
 *   /redeem                                     redeems the kept code now; /replay the last code again
 *   /userinfo                                   reads userinfo with the last access token
 *   /refresh, /refresh-first                    the refresh-token grant with the latest, or the first, refresh token
 *   /logout                                     RP-initiated logout with the last ID token
 */
export type RelyingParty = {
  url: string;
  redirectUri: string;
  postLogoutUri: string;
  close(): Promise<void>;
};

type Pending = { verifier: string; state: string; nonce: string; hold: boolean };

export type ClientCredentials = { clientId: string; clientSecret: string | null };

/** Starts the application; `register` gets its redirect URIs and registers it at the portal. */
export async function startRelyingParty(options: {
  issuer: string;
  register: (uris: { redirectUri: string; postLogoutUri: string }) => Promise<ClientCredentials>;
  port?: number;
}): Promise<RelyingParty & ClientCredentials> {
  const pending = new Map<string, Pending>();
  let lastCallback: URL | undefined;
  let lastPending: Pending | undefined;
  let tokens: (oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers) | undefined;
  let firstRefreshToken: string | undefined;
  const server: Server = createServer((request, response) => {
    const reply = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      response.end(
        `<!DOCTYPE html><html lang="en"><title>Billing</title><main><pre id="result">${body.replace(/</g, "&lt;")}</pre></main></html>`,
      );
    };
    const fail = (error: unknown) => {
      const e = error as {
        error?: string;
        error_description?: string;
        code?: string;
        message?: string;
        cause?: { parameters?: { error?: string } }[];
      };
      // A 401 from the token endpoint comes as a WWW-Authenticate challenge naming the error.
      const challenged = Array.isArray(e.cause) ? e.cause[0]?.parameters?.error : undefined;
      reply(
        400,
        `ERROR ${challenged ?? e.error ?? e.code ?? e.message} ${e.error_description ?? e.message ?? ""}`.trim(),
      );
    };
    handle(new URL(request.url!, base()), reply, (location) => {
      response.writeHead(302, { location });
      response.end();
    }).catch(fail);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirectUri = `${base()}/callback`;
  const postLogoutUri = `${base()}/signed-out`;
  const client = await options.register({ redirectUri, postLogoutUri });
  const config = await oidc.discovery(
    new URL(options.issuer),
    client.clientId,
    undefined,
    client.clientSecret ? oidc.ClientSecretBasic(client.clientSecret) : oidc.None(),
    { execute: [oidc.allowInsecureRequests] },
  );

  async function redeem(callback: URL, state: Pending) {
    tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: state.verifier,
      expectedState: state.state,
      expectedNonce: state.nonce,
    });
    firstRefreshToken = tokens.refresh_token;
    // The ID token's signature is checked against the portal's JWKS by openid-client itself.
    const claims = tokens.claims()!;
    return `SIGNED IN ${JSON.stringify({ ...claims, refresh_token: tokens.refresh_token !== undefined })}`;
  }

  async function handle(url: URL, reply: (status: number, body: string) => void, redirect: (to: string) => void) {
    switch (url.pathname) {
      case "/login": {
        const verifier = oidc.randomPKCECodeVerifier();
        const state: Pending = {
          verifier,
          state: oidc.randomState(),
          nonce: oidc.randomNonce(),
          hold: url.searchParams.has("hold"),
        };
        pending.set(state.state, state);
        const parameters: Record<string, string> = {
          redirect_uri: url.searchParams.get("redirect_uri") ?? redirectUri,
          scope: url.searchParams.get("scope") ?? "openid email profile company",
          state: state.state,
          nonce: state.nonce,
        };
        if (url.searchParams.get("pkce") !== "0") {
          parameters.code_challenge = await oidc.calculatePKCECodeChallenge(verifier);
          parameters.code_challenge_method = "S256";
        }
        for (const name of ["prompt", "max_age"]) {
          const value = url.searchParams.get(name);
          if (value) parameters[name] = value;
        }
        return redirect(oidc.buildAuthorizationUrl(config, parameters).href);
      }
      case "/callback": {
        const state = pending.get(url.searchParams.get("state") ?? "");
        if (url.searchParams.has("error")) return reply(400, `ERROR ${url.searchParams.get("error")}`);
        if (!state) return reply(400, "ERROR unknown state");
        lastCallback = url;
        lastPending = state;
        if (state.hold) return reply(200, "HELD");
        return reply(200, await redeem(url, state));
      }
      case "/redeem":
      case "/replay":
        return reply(200, await redeem(lastCallback!, lastPending!));
      case "/userinfo": {
        const claims = tokens!.claims()!;
        const info = await oidc.fetchUserInfo(config, tokens!.access_token, claims.sub);
        return reply(200, `USERINFO ${JSON.stringify(info)}`);
      }
      case "/refresh":
      case "/refresh-first": {
        const used = url.pathname === "/refresh" ? tokens!.refresh_token! : firstRefreshToken!;
        const renewed = await oidc.refreshTokenGrant(config, used);
        const rotated = renewed.refresh_token !== undefined && renewed.refresh_token !== used;
        tokens = renewed;
        return reply(200, `REFRESHED ${JSON.stringify({ rotated })}`);
      }
      case "/logout":
        return redirect(
          oidc.buildEndSessionUrl(config, { id_token_hint: tokens!.id_token!, post_logout_redirect_uri: postLogoutUri })
            .href,
        );
      case "/signed-out":
        return reply(200, "SIGNED OUT");
      default:
        return reply(404, "not found");
    }
  }

  return {
    ...client,
    url: base(),
    redirectUri,
    postLogoutUri,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
