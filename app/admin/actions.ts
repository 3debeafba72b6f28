"use server";

import { z } from "zod";
import { formAction } from "@/app/components/form-action";
import { retryFailedOutbox } from "@/lib/admin";
import { requestContext } from "@/lib/http/request-context";
import { requireOperator } from "@/lib/sessions";

export type RetryFormState = { retried?: number };

/** Puts every failed email back in the queue and starts sending; says how many. */
export const retryFailedEmailsAction = formAction({
  fields: [],
  guard: () => requireOperator(),
  schema: z.object({}),
  run: async (_, operator) => retryFailedOutbox(operator.id, await requestContext()),
  messages: (retried): RetryFormState => ({ retried }),
});
