import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "./FieldError";
import { describedBy, hintClass, inputClass, labelClass } from "./styles";

/** What a field's control spreads onto itself to be tied to its label, hint and error. */
export type ControlProps = {
  name: string;
  required: boolean | undefined;
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
};

/**
 * A label, a "Required" tag when required, an optional hint, the control and its error, wired
 * with aria-describedby and aria-invalid. Texts are already translated. Works in server and
 * client components (it uses the non-async useTranslations).
 *
 * The tag sits beside the label, not inside it, and is hidden from assistive technology: inside
 * the label it became part of the field's accessible name ("NameRequired"), and the control's
 * `required` attribute already announces the state (DESIGN.md section 5).
 */
/** What every labelled field takes: its name (also its id unless given), texts and required flag. */
export type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string | null;
  id?: string;
  required?: boolean;
};

export function Field({
  name,
  id = name,
  label,
  hint,
  error,
  required,
  control,
}: FieldProps & { control: (props: ControlProps) => ReactNode }) {
  const t = useTranslations("Common");
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  return (
    <div>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
        {required ? (
          <span aria-hidden="true" className="rounded bg-canvas px-1.5 py-0.5 text-xs font-medium text-muted">
            {t("required")}
          </span>
        ) : null}
      </div>
      {hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {control({
        name,
        required,
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy(hintId, error ? errorId : undefined),
        className: `mt-1.5 ${inputClass(Boolean(error))}`,
      })}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
