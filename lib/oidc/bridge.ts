import { toFetchResponse, toReqRes } from "fetch-to-node";
import { env } from "@/env";
import { clientIp } from "@/lib/http/request-context";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import { now } from "@/lib/platform/clock";
import { currentUser } from "@/lib/sessions/guard";
import { hashClientSecret } from "./client-secret";
import { runWithOidcState, type OidcRequestState } from "./context";
import { endPortalSessionOnLogout } from "./logout";
import { getProvider, OIDC_ROUTES } from "./provider";

/**
 * Hands a Web Request from a Next.js route handler to oidc-provider, which expects Node's
 * req/res (fetch-to-node makes a pair in memory), and returns its answer. On the way it sets
 * the public origin from APP_URL, rate-limits the token endpoint and replaces a presented client
 * secret by its keyed hash (client-secret.ts).
 */

const CLIENT_AUTHENTICATED = new Set<string>([OIDC_ROUTES.token, OIDC_ROUTES.revocation]);
const FORM = "application/x-www-form-urlencoded";
const MAX_FORM_BYTES = 64 * 1024;

/** RFC 6749 §2.3.1: Basic credentials are form-encoded before base64. */
const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, "%20"));
const formEncode = (value: string) => encodeURIComponent(value);

function hashedBasic(header: string | null): string | null {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (!match) return header;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return header;
  try {
    const id = formDecode(decoded.slice(0, colon));
    const secret = formDecode(decoded.slice(colon + 1));
    const hashed = `${formEncode(id)}:${formEncode(hashClientSecret(id, secret))}`;
    return `Basic ${Buffer.from(hashed, "utf8").toString("base64")}`;
  } catch {
    return header; // Malformed: the provider refuses it with invalid_client.
  }
}

function hashedForm(form: URLSearchParams): URLSearchParams {
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  if (id !== null && secret !== null) form.set("client_secret", hashClientSecret(id, secret));
  return form;
}

/** PostgreSQL cannot store a NUL in JSON: a parameter holding one is refused before the provider saves it. */
const HAS_NUL = /%00|\u0000/;
const invalidRequest = () =>
  Response.json(
    { error: "invalid_request", error_description: "A parameter holds a character that is not allowed." },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );

const tooMany = () =>
  Response.json(
    { error: "slow_down", error_description: "Too many requests from this address; try again later." },
    { status: 429, headers: { "Retry-After": "60", "Cache-Control": "no-store" } },
  );

/**
 * fetch-to-node's req has no socket; Koa reads socket.encrypted (and, for ctx.ip, the peer
 * address). The public protocol comes from X-Forwarded-Proto (app.proxy), so a plain one will do.
 */
export function nodePair(request: Request) {
  const pair = toReqRes(request);
  Object.defineProperty(pair.req, "socket", {
    value: { encrypted: false, remoteAddress: undefined },
    configurable: true,
  });
  return pair;
}

/** The headers as the provider must see them: the public origin is APP_URL's, whatever the client sent. */
export function providerHeaders(source: HeadersInit): Headers {
  const origin = new URL(env.APP_URL);
  const headers = new Headers(source);
  headers.set("host", origin.host);
  headers.set("x-forwarded-host", origin.host);
  headers.set("x-forwarded-proto", origin.protocol.replace(":", ""));
  return headers;
}

export async function handleOidcRequest(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const origin = new URL(env.APP_URL);
  const path = incoming.pathname;
  const headers = providerHeaders(request.headers);
  const context = { ip: clientIp(request.headers), userAgent: request.headers.get("user-agent"), now: now() };

  if (HAS_NUL.test(incoming.search)) return invalidRequest();
  let body: BodyInit | undefined;
  let form: URLSearchParams | undefined;
  if (request.method === "POST") {
    const text = await request.text();
    if (Buffer.byteLength(text) > MAX_FORM_BYTES) return new Response("Request too large", { status: 413 });
    if (HAS_NUL.test(text)) return invalidRequest();
    const isForm = (headers.get("content-type") ?? "").toLowerCase().startsWith(FORM);
    form = isForm ? new URLSearchParams(text) : undefined;
    if (CLIENT_AUTHENTICATED.has(path)) {
      if (!(await consumeRateLimit(RATE_LIMITS.oidcTokenPerIp, context.ip, context.now))) return tooMany();
      const authorization = hashedBasic(headers.get("authorization"));
      if (authorization) headers.set("authorization", authorization);
      if (form) form = hashedForm(form);
    }
    body = form ? form.toString() : text;
    // The provider reads a body only when its length is declared (type-is).
    headers.set("content-length", String(Buffer.byteLength(body)));
  }

  // Who is signed in to the portal matters only where the provider decides whether to ask for a sign-in.
  const portalUser = path.startsWith(OIDC_ROUTES.authorization) ? await currentUser() : null;
  const state: OidcRequestState = { context, portalUserId: portalUser?.id ?? null, pending: [] };
  const providerRequest = new Request(new URL(`${path}${incoming.search}`, origin), {
    method: request.method,
    headers,
    body,
  });
  const provider = await getProvider();
  const response = await runWithOidcState(state, async () => {
    const { req, res } = nodePair(providerRequest);
    await provider.callback()(req, res);
    return toFetchResponse(res);
  });
  await Promise.all(state.pending);
  if (path === `${OIDC_ROUTES.end_session}/confirm` && form?.get("logout") && response.status < 400)
    return endPortalSessionOnLogout(response, context);
  return response;
}
