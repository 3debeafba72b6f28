"use client";

import { useId } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { DEFAULT_CLICK_LIMITS, lastClickOrder, type ClickLimits } from "@/lib/matrix";
import { FieldError } from "../FieldError";
import { buttonClass, describedBy } from "../styles";
import { MatrixGrid } from "./MatrixGrid";
import { MatrixNoScript } from "./MatrixNoScript";
import { useMatrixPad } from "./useMatrixPad";

export type MatrixPadProps = {
  /** A draft to start from, e.g. when the user comes back from the confirmation page. */
  initialPattern?: readonly number[];
  /** Name of the hidden form field that carries the clicks ("3,17,17,40"). */
  name: string;
  /** Disables every control (the submit button is also disabled while the form is pending). */
  disabled?: boolean;
  /** How many clicks are needed / allowed; defaults to 8 and 15. */
  limits?: ClickLimits;
  /**
   * The server's refusal of the last submitted pattern (e.g. the strength policy). Shown above
   * the grid and tied to it until the user changes the pattern: it is about the pattern they
   * sent, not the one on screen. The next submit shows the (new) refusal again.
   */
  error?: string;
};

/**
 * The registration matrix. Renders inside the page's `<form>`: a hidden field `name` with the
 * clicked cells in order, the grid (ARIA grid, one button per cell, roving tabindex), a
 * counter, a live status, Undo, Clear and the Register submit button.
 */
export function MatrixPad({
  initialPattern,
  name,
  disabled = false,
  limits = DEFAULT_CLICK_LIMITS,
  error,
}: MatrixPadProps) {
  const t = useTranslations("Matrix");
  const { pending } = useFormStatus();
  const { minClicks: min, maxClicks: max } = limits;
  const inactive = disabled || pending;
  const pad = useMatrixPad({ initialPattern, limits, inactive, error });
  const { count, refusal } = pad;

  const baseId = useId();
  const instructionsId = `${baseId}-instructions`;
  const counterId = `${baseId}-counter`;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const remaining = Math.max(min - count, 0);

  return (
    <div className="space-y-4">
      <MatrixNoScript />
      <input type="hidden" name={name} value={pad.pattern.join(",")} />
      {refusal ? (
        <div className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 [&>p]:mt-0">
          <FieldError id={errorId} message={refusal} />
        </div>
      ) : null}

      <div id={instructionsId} className="space-y-1 text-sm text-muted">
        <p>{t("instructions", { min, max })}</p>
        <p>{t("keyboardHint")}</p>
      </div>

      <MatrixGrid
        orders={lastClickOrder(pad.pattern)}
        tabbable={pad.tabbable}
        buttons={pad.buttons}
        describedBy={describedBy(instructionsId, counterId, refusal && errorId)}
        disabled={disabled}
        inactive={inactive}
        onCellClick={pad.clickCell}
        onCellFocus={pad.setActive}
        onCellKeyDown={pad.onCellKeyDown}
      />

      <div className="mx-auto flex w-full max-w-2xl flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="space-y-1">
          <p id={counterId} className="text-base text-ink">
            {t("counterLabel")}{" "}
            <span className="font-mono text-lg font-bold tabular-nums">{t("counter", { count, max })}</span>
          </p>
          <p role="status" aria-live="polite" aria-atomic="true" className="min-h-[1.5em] text-sm text-muted">
            {pad.statusText}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {(
            [
              ["undo", pad.undo],
              ["clear", pad.clear],
            ] as const
          ).map(([label, onClick]) => (
            <button
              key={label}
              type="button"
              onClick={onClick}
              disabled={disabled}
              aria-disabled={count === 0 || undefined}
              className={buttonClass("secondary")}
            >
              {t(label)}
            </button>
          ))}
        </div>
      </div>

      <div className="mx-auto w-full max-w-2xl space-y-2">
        <p id={hintId} className="text-sm text-muted">
          {remaining > 0 ? t("needMore", { remaining }) : t("ready", { max })}
        </p>
        <button
          type="submit"
          disabled={inactive || count < min}
          aria-describedby={hintId}
          className={buttonClass("primary", { fullWidth: true }) + " sm:w-auto"}
        >
          {t("register")}
        </button>
      </div>
    </div>
  );
}
