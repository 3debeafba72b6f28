import { Field, type FieldProps } from "@/app/components/Field";

/** A labelled native select, wired like TextField. Works in server and client components. */
export function SelectField({
  options,
  defaultValue,
  ...field
}: FieldProps & { options: readonly { value: string; label: string }[]; defaultValue?: string }) {
  return (
    <Field
      {...field}
      control={(control) => (
        <select defaultValue={defaultValue} {...control}>
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
