import { FieldError } from "@/app/components/FieldError";
import { describedBy, hintClass, inputClass, labelClass } from "@/app/components/styles";

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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, error ? errorId : undefined)}
        className={`mt-1.5 ${inputClass(Boolean(error))}`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
