"use client";

import { useActionState, type ComponentProps, type ReactNode } from "react";
import { ErrorSummary, summaryErrors } from "./ErrorSummary";
import { FormMessage } from "./FormMessage";
import { TextField } from "./TextField";
import { buttonClass } from "./styles";
import type { FormState } from "./form-state";

type Entered<Field extends string> = {
  values: Partial<Record<Field, string>>;
  errors: Partial<Record<Field, string>>;
};

/**
 * A form posted to a server action that answers with a FormState: hidden inputs, the error summary,
 * the form message, the fields (given what was typed and the field errors) and one primary button.
 * With `remount`, the form is rebuilt when the typed values come back, so every field shows them.
 */
export function ActionForm<Field extends string>({
  action: submit,
  hidden = {},
  summary,
  initial,
  remount = true,
  submitLabel,
  fullWidth,
  children,
}: {
  action: (state: FormState<Field>, form: FormData) => Promise<FormState<Field>>;
  hidden?: Record<string, string>;
  /** Each field's label, in page order, for the error summary. */
  summary: readonly (readonly [Field, string])[];
  /** What the fields show before anything is typed. */
  initial?: Partial<Record<Field, string>>;
  remount?: boolean;
  submitLabel: string;
  fullWidth?: boolean;
  children: (entered: Entered<Field>) => ReactNode;
}) {
  const [state, action, pending] = useActionState(submit, {} as FormState<Field>);
  const errors = state.fieldErrors ?? {};
  const values = { ...initial, ...state.values };
  return (
    <form
      action={action}
      noValidate
      className="space-y-5"
      key={remount ? JSON.stringify(state.values ?? {}) : undefined}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary errors={summaryErrors(errors, summary)} />
      <FormMessage tone={state.tone ?? "error"}>{state.message}</FormMessage>
      {children({ values, errors })}
      <button type="submit" className={buttonClass("primary", { fullWidth })} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

type FieldSpec<Field extends string> = { name: Field } & Omit<
  ComponentProps<typeof TextField>,
  "name" | "defaultValue" | "error"
>;

/** Text fields from a list, each showing what was typed into it and its error. */
export function TextFields<Field extends string>({
  fields,
  values,
  errors,
}: Entered<Field> & { fields: readonly FieldSpec<Field>[] }) {
  return fields.map((field) => (
    <TextField key={field.name} {...field} defaultValue={values[field.name]} error={errors[field.name]} />
  ));
}
