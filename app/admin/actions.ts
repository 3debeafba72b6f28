"use server";

import { retryFailedOutbox } from "@/lib/admin";
import { requestContext } from "@/lib/http/request-context";
import { requireOperator } from "@/lib/sessions";

export type RetryFormState = { retried?: number };

/** Puts every failed email back in the queue and starts sending; says how many. */
export async function retryFailedEmailsAction(): Promise<RetryFormState> {
  const operator = await requireOperator();
  return { retried: await retryFailedOutbox(operator.id, await requestContext()) };
}
