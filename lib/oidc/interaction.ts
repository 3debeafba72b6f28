import type { InteractionResults } from "oidc-provider";
import { env } from "@/env";
import type { RequestContext } from "@/lib/http/request-context";
import { recordAudit } from "@/lib/audit";
import { readSessionToken } from "@/lib/sessions/cookie";
import { signOutSession } from "@/lib/sessions/end-session";
import { currentUser } from "@/lib/sessions/guard";
import { secondFactorSetupPath, termsPath } from "@/lib/sessions/return-path";
import { acrOf, amrOf, findActiveUser } from "./account";
import { nodePair, providerHeaders } from "./bridge";
import { findClient } from "./clients";
import { getProvider, interactionPath } from "./provider";

/**
 * The portal's side of an authorization: oidc-provider sends the browser to /authorize/<uid>
 * when it needs a sign-in or a consent; these verbs read that interaction (bound to the browser
 * by the provider's signed cookie) and finish it.
 */

function pairFor(headers: HeadersInit, path: string) {
  return nodePair(new Request(new URL(path, env.APP_URL), { headers: providerHeaders(headers) }));
}

async function details(headers: HeadersInit, uid: string) {
  const provider = await getProvider();
  const { req, res } = pairFor(headers, interactionPath(uid));
  try {
    const found = await provider.interactionDetails(req, res);
    return found.uid === uid ? { provider, found, req, res } : null;
  } catch {
    return null; // Expired, finished, or begun in another browser.
  }
}

async function finish(pair: NonNullable<Awaited<ReturnType<typeof details>>>, result: InteractionResults) {
  return pair.provider.interactionResult(pair.req, pair.res, result, { mergeWithLastSubmission: false });
}

export type InteractionStep = { location: string; endPortalSession?: boolean };

const refused = { error: "access_denied", error_description: "The account cannot sign in here" };

/** Where the browser goes next for interaction `uid`: a sign-in, the terms, the consent page, or back to the application. */
export async function continueInteraction(
  headers: HeadersInit,
  uid: string,
  context: RequestContext,
): Promise<InteractionStep> {
  const pair = await details(headers, uid);
  if (!pair) return { location: "/authorize/ended" };
  const { found } = pair;
  const here = interactionPath(uid);
  if (found.prompt.name !== "login") return { location: `${here}/consent` };

  const user = await currentUser();
  const known = found.session?.accountId ?? user?.id;
  if (known && !(await findActiveUser(known))) return { location: await finish(pair, refused) };
  if (!user) return { location: `/login?next=${encodeURIComponent(here)}` };
  if (!user.termsAccepted) return { location: termsPath(here) };
  if (user.secondFactorSetupNeeded) return { location: secondFactorSetupPath(here) };

  // prompt=login, or a max_age that has passed: the matrix again, after this interaction began.
  const authenticated = Math.floor(user.authenticatedAt.getTime() / 1000);
  const maxAge = typeof found.params.max_age === "number" ? found.params.max_age : Number(found.params.max_age);
  const stale =
    (found.prompt.reasons.includes("login_prompt") && authenticated < (found.iat ?? 0)) ||
    (Number.isFinite(maxAge) && context.now.getTime() / 1000 - authenticated > maxAge);
  if (stale) {
    await signOutSession(user, context);
    return { location: `/login?next=${encodeURIComponent(here)}`, endPortalSession: true };
  }
  const methods = (await readSessionToken())?.claims?.amr ?? ["matrix"];
  const login = { accountId: user.id, ts: authenticated, amr: amrOf(methods), acr: acrOf(methods), remember: true };
  return { location: await finish(pair, { login }) };
}

export type ConsentRequest = { applicationName: string; scopes: string[] };

/** What the consent page shows: the application and the scopes it asks for; null when there is nothing to consent to. */
export async function consentRequest(headers: HeadersInit, uid: string): Promise<ConsentRequest | null> {
  const pair = await details(headers, uid);
  if (!pair || pair.found.prompt.name !== "consent") return null;
  const client = await findClient(String(pair.found.params.client_id));
  if (!client) return null;
  const scopes = String(pair.found.params.scope ?? "openid")
    .split(" ")
    .filter(Boolean);
  return { applicationName: client.name, scopes };
}

/** Allow or Deny on the consent page, by the user the interaction signed in; where the browser goes next. */
export async function answerConsent(
  headers: HeadersInit,
  uid: string,
  allow: boolean,
  userId: string,
  context: RequestContext,
): Promise<string | null> {
  const pair = await details(headers, uid);
  if (!pair || pair.found.prompt.name !== "consent" || pair.found.session?.accountId !== userId) return null;
  const { provider, found } = pair;
  const clientId = String(found.params.client_id);
  await recordAudit(
    {
      event: allow ? "oidc.consent_given" : "oidc.consent_denied",
      actorId: userId,
      subjectId: userId,
      details: { clientId },
    },
    context,
  );
  if (!allow) return finish(pair, { error: "access_denied", error_description: "The user did not allow access" });
  const grant =
    (found.grantId ? await provider.Grant.find(found.grantId) : undefined) ??
    new provider.Grant({ accountId: userId, clientId });
  const missing = found.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  return finish(pair, { consent: { grantId } });
}
