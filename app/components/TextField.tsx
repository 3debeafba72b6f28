import type { InputHTMLAttributes } from "react";
import { Field } from "./Field";

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "className" | "aria-describedby" | "aria-invalid"
>;

/** A labelled text input with optional hint and error (see Field). Works in server and client components. */
export function TextField({
  name,
  label,
  hint,
  error,
  id = name,
  required,
  ...inputProps
}: InputProps & {
  name: string;
  label: string;
  hint?: string;
  error?: string | null;
  id?: string;
}) {
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={required}
      control={(control) => <input name={name} required={required} {...control} {...inputProps} />}
    />
  );
}
