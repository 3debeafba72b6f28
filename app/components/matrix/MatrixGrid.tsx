"use client";

import type { KeyboardEvent, RefObject } from "react";
import { useTranslations } from "next-intl";
import { BLOCK_COUNT, GRID, cellIndex } from "@/lib/matrix";

export type MatrixGridProps = {
  /** For each clicked cell, the order of its last click. */
  orders: ReadonlyMap<number, number>;
  /** The one cell button in the tab order. */
  tabbable: number;
  /** Where each cell's button is kept, so the arrow keys can move focus to it. */
  buttons: RefObject<Array<HTMLButtonElement | null>>;
  describedBy?: string;
  /** Disables every cell button. */
  disabled: boolean;
  /** Announced as aria-disabled: disabled, or the form is pending. */
  inactive: boolean;
  onCellClick(cell: number): void;
  onCellFocus(cell: number): void;
  onCellKeyDown(event: KeyboardEvent<HTMLButtonElement>, cell: number): void;
};

/** The clickable grid of `MatrixPad` (ARIA grid, one button per cell, drawn as blocks). */
export function MatrixGrid({
  orders,
  tabbable,
  buttons,
  describedBy,
  disabled,
  inactive,
  onCellClick,
  onCellFocus,
  onCellKeyDown,
}: MatrixGridProps) {
  const t = useTranslations("Matrix");
  return (
    <div
      role="grid"
      aria-label={t("gridLabel")}
      aria-describedby={describedBy}
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
                        onClick={() => onCellClick(cell)}
                        onFocus={() => onCellFocus(cell)}
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
  );
}
