"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, formField } from "@/app/components/form-action";
import { requestContext } from "@/lib/http/request-context";
import { requireSignedIn, safeReturnPath, secondFactorSetupPath } from "@/lib/sessions";
import { acceptTerms } from "@/lib/terms";

export type TermsFormState = { error?: "mustTick" | "outdated" };

const acceptForm = z.object({
  accept: z.literal("yes", { error: "mustTick" }),
  version: formField.transform(Number).pipe(z.number().int()),
  next: formField,
});

export const acceptTermsAction = formAction({
  fields: ["accept", "version", "next"],
  guard: () => requireSignedIn(),
  schema: acceptForm,
  run: async ({ version, next }, user) => ({
    accepted: await acceptTerms(user.id, version, await requestContext()),
    next,
    setupFirst: user.secondFactorSetupNeeded,
  }),
  refused: ({ fieldErrors }): TermsFormState => ({ error: fieldErrors.accept ? "mustTick" : "outdated" }),
  messages: ({ accepted, next, setupFirst }): TermsFormState => {
    if (!accepted) return { error: "outdated" };
    // Decided here: a redirect issued while rendering the action's target would leave the URL behind.
    redirect(setupFirst ? secondFactorSetupPath(next) : (safeReturnPath(next) ?? "/dashboard"));
  },
});
