import type { InputHTMLAttributes } from "react";
import { Field, type FieldProps } from "./Field";

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "className" | "aria-describedby" | "aria-invalid" | "required"
>;

/** A labelled text input with optional hint and error (see Field). Works in server and client components. */
export function TextField({ name, label, hint, error, id, required, ...inputProps }: InputProps & FieldProps) {
  return (
    <Field
      {...{ name, label, hint, error, id, required }}
      control={(control) => <input {...control} {...inputProps} />}
    />
  );
}
