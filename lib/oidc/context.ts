import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestContext } from "@/lib/http/request-context";

/**
 * What the bridge knows about the request it hands to oidc-provider, for the provider's
 * callbacks (the login check, audit events) that only get Koa's context: the client's address as
 * the portal computes it, and who is signed in to the portal in this browser.
 */
export type OidcRequestState = {
  context: RequestContext;
  portalUserId: string | null;
  /** Audit writes started by provider events, awaited before the response leaves. */
  pending: Promise<unknown>[];
};

const storage = new AsyncLocalStorage<OidcRequestState>();

export const runWithOidcState = <T>(state: OidcRequestState, fn: () => Promise<T>): Promise<T> =>
  storage.run(state, fn);

export const oidcState = (): OidcRequestState | undefined => storage.getStore();
