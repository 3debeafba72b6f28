import { handleOidcRequest } from "@/lib/oidc/bridge";

/** OpenID Connect discovery: the issuer is APP_URL. */
export const GET = (request: Request) => handleOidcRequest(request);
