import type { InputHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "./FieldError";
import { describedBy, hintClass, inputClass, labelClass } from "./styles";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className" | "aria-describedby" | "aria-invalid">;

/**
 * A labelled text input with optional hint and error, wired with aria-describedby and
 * aria-invalid. `label`, `hint` and `error` are already-translated strings.
 * Works in server and client components (it uses the non-async useTranslations).
 */
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
  const t = useTranslations("Common");
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
        {required ? <span className="ml-2 rounded bg-canvas px-1.5 py-0.5 text-xs font-medium text-muted">{t("required")}</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, error ? errorId : undefined)}
        className={`mt-1.5 ${inputClass(Boolean(error))}`}
        {...inputProps}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
