import { z } from "zod";
import type { IdentityCheckFailure, IdentityField } from "@/lib/identity/check";
import { formAction, formField, type Translate } from "./form-action";
import type { FormState } from "./form-state";

type Refusal<Result> = { error: Result extends { ok: false; error: infer Code } ? Code : never; remaining: number };

/**
 * The identity form of a link (starting guide, unlock): the link's token and what the user
 * typed go to the verb, which compares them with the registered details. Field errors sit under
 * their fields; any other refusal is one form message, and what was typed stays in the form.
 */
export function identityAction<
  Result extends { ok: true } | IdentityCheckFailure | { ok: false; error: string },
>(spec: {
  run: (token: string, identity: Record<IdentityField, string>) => Promise<Result>;
  done: (result: Extract<Result, { ok: true }>) => Promise<never>;
  /** The form message of a refusal; `remaining` counts the attempts left after a mismatch. */
  messages: (t: Translate, refusal: Refusal<Result>) => string;
}) {
  return formAction({
    fields: ["token", "email", "name", "phone"],
    guard: async () => null,
    schema: z.object({ token: formField, email: formField, name: formField, phone: formField }),
    run: ({ token, ...identity }) => spec.run(token, identity),
    messages: async (result, { t, values, fieldMessages }): Promise<FormState<IdentityField>> => {
      const { email, name, phone } = values;
      if (result.ok) return spec.done(result as Extract<Result, { ok: true }>);
      if ("fieldErrors" in result)
        return { fieldErrors: fieldMessages(result.fieldErrors), values: { email, name, phone } };
      const refusal = {
        error: result.error,
        remaining: "remaining" in result ? Number(result.remaining) : 0,
      } as Refusal<Result>;
      return { message: spec.messages(t, refusal), tone: "error", values: { email, name, phone } };
    },
  });
}
