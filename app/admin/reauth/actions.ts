"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formField, postAction } from "@/app/components/form-action";
import { answer, issue, reauthPage, reauthReturnPath } from "@/lib/reauth";
import { requireOperator } from "@/lib/sessions";

/** Where the operator was going: a path inside /admin, else the directory. */
const nextField = formField.transform((next) => reauthReturnPath("admin", next));

/** Issues a fresh challenge for the operator (when the pending one expired or was never issued). */
export const startAdminReauthAction = postAction({
  fields: ["next"],
  guard: () => requireOperator(),
  schema: z.object({ next: nextField }),
  run: async ({ next }, operator) => {
    await issue(operator, "admin");
    return next;
  },
  messages: (next) => redirect(reauthPage("admin", next)),
});

/**
 * Answers the challenge. Success is audited as account.reauthenticated (which the 15-minute
 * rule reads) and returns to the page that asked; a failure shows a fresh grid. Wrong answers
 * count towards the operator's lockout exactly like sign-in attempts.
 */
export const answerAdminReauthAction = postAction({
  fields: ["next", "answer"],
  guard: () => requireOperator(),
  schema: z.object({ next: nextField, answer: formField }),
  run: async ({ next, answer: code }, operator) => ({ next, confirmed: await answer(operator, "admin", code) }),
  messages: ({ next, confirmed }) => redirect(confirmed ? next : reauthPage("admin", next, true)),
});
