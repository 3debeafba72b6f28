"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import {
  BLOCK_COUNT,
  DEFAULT_CLICK_LIMITS,
  GRID,
  cellIndex,
  cellPosition,
  isCellIndex,
  lastClickOrder,
  type ClickLimits,
} from "@/lib/matrix";
import { FieldError } from "../FieldError";
import { buttonClass, describedBy } from "../styles";
import { MatrixNoScript } from "./MatrixNoScript";

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

/** Keeps only cells that exist on the grid, and at most `max` of them. */
function sanitize(pattern: readonly number[] | undefined, max: number): number[] {
  return (pattern ?? []).filter((cell) => isCellIndex(cell)).slice(0, max);
}

/**
 * The registration matrix. Renders inside the page's `<form>`: a hidden field `name` with the
 * clicked cells in order, the grid (ARIA grid, one button per cell, roving tabindex), a
 * counter, a live status, Undo, Clear and the Register submit button.
 */
export function MatrixPad({ initialPattern, name, disabled = false, limits = DEFAULT_CLICK_LIMITS, error }: MatrixPadProps) {
  const t = useTranslations("Matrix");
  const { pending } = useFormStatus();
  const { minClicks: min, maxClicks: max } = limits;

  const [pattern, setPattern] = useState<number[]>(() => sanitize(initialPattern, max));
  // The one cell button in the tab order (roving tabindex).
  const [active, setActive] = useState<number>(() => pattern.at(-1) ?? 0);
  // Alternates a trailing no-break space so that repeating the same message is announced again.
  const [status, setStatus] = useState<{ text: string; toggle: boolean }>({ text: "", toggle: false });
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const baseId = useId();
  const instructionsId = `${baseId}-instructions`;
  const counterId = `${baseId}-counter`;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;

  const inactive = disabled || pending;
  // Whether the pattern changed since the last submit; a submit shows up as the pad turning
  // inactive (pending), which re-arms the refusal the server answers with.
  const [changed, setChanged] = useState(false);
  const [wasInactive, setWasInactive] = useState(inactive);
  if (inactive !== wasInactive) {
    setWasInactive(inactive);
    if (inactive) setChanged(false);
  }
  const refusal = changed ? undefined : error;

  function update(next: number[]) {
    setPattern(next);
    setChanged(true);
  }
  const count = pattern.length;
  const orders = lastClickOrder(pattern);

  function announce(text: string) {
    setStatus((previous) => ({ text, toggle: !previous.toggle }));
  }

  function position(cell: number) {
    const { row, column } = cellPosition(cell);
    return { row: row + 1, column: column + 1 };
  }

  function clickCell(cell: number) {
    setActive(cell);
    if (inactive) return;
    if (count >= max) {
      announce(t("announceMax", { max }));
      return;
    }
    const next = [...pattern, cell];
    update(next);
    const message = t("announceClick", { ...position(cell), order: next.length, count: next.length, max });
    announce(next.length === min ? `${message} ${t("announceReady")}` : message);
  }

  function undo() {
    if (inactive) return;
    const last = pattern.at(-1);
    if (last === undefined) {
      announce(t("announceNothing"));
      return;
    }
    const next = pattern.slice(0, -1);
    update(next);
    announce(t("announceUndo", { ...position(last), order: count, count: next.length, max }));
  }

  function clear() {
    if (inactive) return;
    if (count === 0) {
      announce(t("announceNothing"));
      return;
    }
    update([]);
    announce(t("announceClear", { max }));
  }

  function focusCell(cell: number) {
    setActive(cell);
    buttons.current[cell]?.focus();
  }

  function onCellKeyDown(event: KeyboardEvent<HTMLButtonElement>, cell: number) {
    const { row, column } = cellPosition(cell);
    const lastRow = GRID.rows - 1;
    const lastColumn = GRID.columns - 1;
    let target: { row: number; column: number };
    switch (event.key) {
      case "ArrowRight":
        target = { row, column: Math.min(column + 1, lastColumn) };
        break;
      case "ArrowLeft":
        target = { row, column: Math.max(column - 1, 0) };
        break;
      case "ArrowDown":
        target = { row: Math.min(row + 1, lastRow), column };
        break;
      case "ArrowUp":
        target = { row: Math.max(row - 1, 0), column };
        break;
      case "Home":
        target = event.ctrlKey ? { row: 0, column: 0 } : { row, column: 0 };
        break;
      case "End":
        target = event.ctrlKey ? { row: lastRow, column: lastColumn } : { row, column: lastColumn };
        break;
      case "PageUp":
        target = { row: 0, column };
        break;
      case "PageDown":
        target = { row: lastRow, column };
        break;
      default:
        return;
    }
    event.preventDefault();
    focusCell(cellIndex(target));
  }

  const tabbable = isCellIndex(active) ? active : 0;
  const remaining = Math.max(min - count, 0);

  return (
    <div className="space-y-4">
      <MatrixNoScript />
      <input type="hidden" name={name} value={pattern.join(",")} />
      {refusal ? (
        <div className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 [&>p]:mt-0">
          <FieldError id={errorId} message={refusal} />
        </div>
      ) : null}

      <div id={instructionsId} className="space-y-1 text-sm text-muted">
        <p>{t("instructions", { min, max })}</p>
        <p>{t("keyboardHint")}</p>
      </div>

      <div
        role="grid"
        aria-label={t("gridLabel")}
        aria-describedby={describedBy(instructionsId, counterId, refusal && errorId)}
        aria-disabled={inactive || undefined}
        className="relative mx-auto w-full max-w-2xl"
      >
        {/* Block backgrounds, drawn behind the rows; the rows use the same gaps so they line up. */}
        <div aria-hidden="true" className="pointer-events-none absolute inset-0 flex gap-1.5 sm:gap-3">
          {Array.from({ length: BLOCK_COUNT }, (_, block) => (
            <div key={block} className="flex-1 rounded-md bg-canvas ring-1 ring-line sm:rounded-xl" />
          ))}
        </div>
        <div className="relative py-0.5 sm:py-1.5">
          {Array.from({ length: GRID.rows }, (_, row) => (
            <div role="row" key={row} className="flex gap-1.5 sm:gap-3">
              {Array.from({ length: BLOCK_COUNT }, (_, block) => (
                <div role="none" key={block} className="flex flex-1 sm:gap-1 sm:px-1.5">
                  {Array.from({ length: GRID.blockColumns }, (_, offset) => {
                    const column = block * GRID.blockColumns + offset;
                    const cell = cellIndex({ row, column });
                    const order = orders.get(cell);
                    const label =
                      order === undefined
                        ? t("cell", { row: row + 1, column: column + 1 })
                        : t("cellClicked", { row: row + 1, column: column + 1, order });
                    return (
                      <div role="gridcell" key={cell} className="min-w-0 flex-1">
                        <button
                          ref={(element) => {
                            buttons.current[cell] = element;
                          }}
                          type="button"
                          aria-label={label}
                          tabIndex={cell === tabbable ? 0 : -1}
                          disabled={disabled}
                          onClick={() => clickCell(cell)}
                          onFocus={() => setActive(cell)}
                          onKeyDown={(event) => onCellKeyDown(event, cell)}
                          className="group relative block aspect-square w-full touch-manipulation p-px outline-offset-0 select-none focus-visible:z-10 disabled:cursor-not-allowed sm:p-0"
                        >
                          <span
                            aria-hidden="true"
                            className={
                              "flex size-full items-center justify-center rounded border-2 font-mono text-xs leading-none font-bold tabular-nums transition-colors sm:rounded-lg sm:text-lg " +
                              (order === undefined
                                ? "border-line-strong/60 bg-surface text-ink group-hover:border-brand group-hover:bg-brand-soft group-disabled:group-hover:border-line-strong/60 group-disabled:group-hover:bg-surface"
                                : "border-brand-strong bg-accent text-white shadow-sm")
                            }
                          >
                            {order}
                          </span>
                        </button>
                      </div>
                    );
                  })}
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>

      <div className="mx-auto flex w-full max-w-2xl flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="space-y-1">
          <p id={counterId} className="text-base text-ink">
            {t("counterLabel")}{" "}
            <span className="font-mono text-lg font-bold tabular-nums">{t("counter", { count, max })}</span>
          </p>
          <p role="status" aria-live="polite" aria-atomic="true" className="min-h-[1.5em] text-sm text-muted">
            {status.text ? `${status.text}${status.toggle ? "\u00a0" : ""}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={undo}
            disabled={disabled}
            aria-disabled={count === 0 || undefined}
            className={buttonClass("secondary")}
          >
            {t("undo")}
          </button>
          <button
            type="button"
            onClick={clear}
            disabled={disabled}
            aria-disabled={count === 0 || undefined}
            className={buttonClass("secondary")}
          >
            {t("clear")}
          </button>
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
