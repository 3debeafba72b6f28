"use server";

import { asForm } from "@/app/components/form-state";
import { redirect } from "next/navigation";
import { answer, issue, reauthPage, reauthReturnPath } from "@/lib/reauth";
import { requireOperator } from "@/lib/sessions";

/** Issues a fresh challenge for the operator (when the pending one expired or was never issued). */
export async function startAdminReauthAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const operator = await requireOperator();
  const next = reauthReturnPath("admin", form.get("next"));
  await issue(operator, "admin");
  redirect(reauthPage("admin", next));
}

/**
 * Answers the challenge. Success is audited as account.reauthenticated (which the 15-minute
 * rule reads) and returns to the page that asked; a failure shows a fresh grid. Wrong answers
 * count towards the operator's lockout exactly like sign-in attempts.
 */
export async function answerAdminReauthAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const operator = await requireOperator();
  const next = reauthReturnPath("admin", form.get("next"));
  if (!(await answer(operator, "admin", form.get("answer")))) redirect(reauthPage("admin", next, true));
  redirect(next);
}
