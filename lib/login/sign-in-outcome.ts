import { AsyncLocalStorage } from "node:async_hooks";
import type { AnswerResult } from "./answer";
import type { SecondStepResult } from "./second-step";

/**
 * What Auth.js's Credentials sign-in decided, handed back to the server action that asked for
 * it. Auth.js's `signIn()` returns only a URL, or throws; its authorize callback runs inside the
 * same call, so it reports here, and the action needs neither to decrypt the cookie just set
 * nor to look the user up again: who signed in, the second step that now waits (its token for
 * the browser's cookie), or whether a second step must start over.
 */
type Outcome = AnswerResult | SecondStepResult;

const outcome = new AsyncLocalStorage<{ result?: Outcome }>();

/**
 * Runs a sign-in and returns what authorize reported. The error Auth.js throws for a refusal
 * authorize reported is expected and swallowed; any other error is not.
 */
export async function withSignInOutcome(signIn: () => Promise<unknown>): Promise<Outcome> {
  const store: { result?: Outcome } = {};
  try {
    await outcome.run(store, signIn);
  } catch (error) {
    if (!store.result || store.result.ok) throw error;
  }
  if (!store.result) throw new Error("authorize did not report");
  return store.result;
}

/** Called by authorize with its result, before it signs the user in or refuses. */
export function reportSignIn(result: Outcome): void {
  const store = outcome.getStore();
  if (store) store.result = result;
}
