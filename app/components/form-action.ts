import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/identity";
import { asForm, formText } from "./form-state";

/**
 * One shape for every server action: guard the caller, parse the form with zod, run one lib
 * verb, turn its result into what the form shows (or a redirect). It lives in app/ because it is
 * framework glue: it reads FormData and the request's message catalogue, which lib/ never sees.
 */

export type Translate = Awaited<ReturnType<typeof getTranslations<never>>>;

/** A form field's text, or "" for anything else a hand-made post may send (a file, nothing). */
export const formField = z.string().catch("");

/** The form's own schema refused it: field error codes, as lib's verbs also return them. */
export type Refused<Field extends string> = { ok: false; fieldErrors: Partial<Record<Field, string>> };

export type Say<Field extends string> = {
  t: Translate;
  /** What was typed in the text fields, to give back on a refusal so nothing is lost. */
  values: Record<Field, string>;
  /** Field error codes to catalogue strings (`FieldErrors` unless told); an unknown code reads as an invalid choice. */
  fieldMessages: (codes: Partial<Record<Field, string>>, catalogue?: string) => Partial<Record<Field, string>>;
};

export type FormActionSpec<Field extends string, Caller, Input, Result, State> = {
  /** The form's text fields. */
  fields: readonly Field[];
  /** Refuses the caller (it throws a redirect or a 404) before anything is parsed or run. */
  guard: (form: FormData) => Promise<Caller>;
  /** From the posted fields to the verb's input; issue messages are field error codes. */
  schema: z.ZodType<Input>;
  run: (input: Input, caller: Caller) => Promise<Result>;
  /** From the verb's result to the form's next state (or a redirect). */
  messages: (result: Result, say: Say<Field>) => State | Promise<State>;
  /** The schema refused the form (nothing ran). Without this a refusal is a 404: only a hand-made post can get one. */
  refused?: (refusal: Refused<Field>, say: Say<Field>) => State | Promise<State>;
};

async function handle<Field extends string, Caller, Input, Result, State>(
  spec: FormActionSpec<Field, Caller, Input, Result, State>,
  input: unknown,
): Promise<State> {
  const form = asForm(input);
  const caller = await spec.guard(form);
  const parsed = spec.schema.safeParse(
    Object.fromEntries(spec.fields.map((field) => [field, form.get(field) ?? undefined])),
  );
  if (!parsed.success && !spec.refused) notFound();
  const result = parsed.success ? await spec.run(parsed.data, caller) : null;
  const t = await getTranslations();
  const fieldMessages = (codes: Partial<Record<Field, string>>, catalogue = "FieldErrors") => {
    const messages: Partial<Record<Field, string>> = {};
    for (const [field, code] of Object.entries(codes) as [Field, string][]) {
      const key = `${catalogue}.${code}` as never;
      messages[field] = t.has(key) ? t(key) : t("AdminUsers.invalidChoice");
    }
    return messages;
  };
  const say = { t, values: formText(form, spec.fields), fieldMessages };
  return parsed.success
    ? spec.messages(result as Result, say)
    : spec.refused!({ ok: false, fieldErrors: fieldErrorsOf<Field>(parsed.error) }, say);
}

/** An action for useActionState: (previous state, form) → the next state. */
export function formAction<Field extends string, Caller, Input, Result, State>(
  spec: FormActionSpec<Field, Caller, Input, Result, State>,
) {
  return async (_: State, input: unknown): Promise<State> => handle(spec, input);
}

/** An action for a plain `<form action>`: it shows its outcome by redirecting (so it works without JavaScript) or re-rendering. */
export function postAction<Field extends string, Caller, Input, Result>(
  spec: FormActionSpec<Field, Caller, Input, Result, void>,
) {
  return async (input: unknown): Promise<void> => handle(spec, input);
}
