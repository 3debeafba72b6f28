import { AsyncLocalStorage } from "node:async_hooks";
import type { SignedInUser } from "./answer";

/**
 * Who Auth.js's Credentials sign-in let in, handed back to the server action that asked for it.
 * Auth.js's `signIn()` returns only a URL; its authorize callback runs inside the same call, so
 * it reports here, and the action needs neither to decrypt the cookie just set nor to look the
 * user up again to choose where to go next.
 */
const outcome = new AsyncLocalStorage<{ user?: SignedInUser }>();

/** Runs a sign-in and returns the user authorize reported, if any. */
export async function withSignInOutcome(signIn: () => Promise<unknown>): Promise<SignedInUser | undefined> {
  const store: { user?: SignedInUser } = {};
  await outcome.run(store, signIn);
  return store.user;
}

/** Called by authorize with the user it signs in. */
export function reportSignIn(user: SignedInUser): void {
  const store = outcome.getStore();
  if (store) store.user = user;
}
