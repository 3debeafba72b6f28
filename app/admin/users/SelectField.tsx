import { Field } from "@/app/components/Field";

/** A labelled native select, wired like TextField. Works in server and client components. */
export function SelectField({
  name,
  label,
  options,
  defaultValue,
  hint,
  error,
  id = name,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
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
      control={(control) => (
        <select name={name} defaultValue={defaultValue} {...control}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
