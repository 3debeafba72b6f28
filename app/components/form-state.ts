/** What a server action returns to its form: field errors under fields, one form message. */
export type FormState<Field extends string> = {
  fieldErrors?: Partial<Record<Field, string>>;
  message?: string;
  tone?: "error" | "success" | "info";
  /** What the user typed, so a refused form does not lose it. Never a secret. */
  values?: Partial<Record<Field, string>>;
};

/**
 * The form a server action was called with. Our pages always pass one, but an action is a
 * public endpoint: a hand-made call can pass anything, which must not become a 500.
 */
export function asForm(input: unknown): FormData {
  return input instanceof FormData ? input : new FormData();
}

/** Reads text fields from a form without trusting their presence or type. */
export function formText<Field extends string>(form: FormData, fields: readonly Field[]): Record<Field, string> {
  const values = {} as Record<Field, string>;
  for (const field of fields) {
    const value = form.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}
