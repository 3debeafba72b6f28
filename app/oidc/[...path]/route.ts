import { handleOidcRequest } from "@/lib/oidc/bridge";

/** The OpenID Connect provider's endpoints (authorization, token, JWKS, userinfo, revocation, end-session). */
export const GET = (request: Request) => handleOidcRequest(request);
export const POST = (request: Request) => handleOidcRequest(request);
