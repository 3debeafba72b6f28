"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { GRID, cellIndex, cellPosition, isCellIndex, type CellPosition, type ClickLimits } from "@/lib/matrix";

/** Keeps only cells that exist on the grid, and at most `max` of them. */
function sanitize(pattern: readonly number[] | undefined, max: number): number[] {
  return (pattern ?? []).filter((cell) => isCellIndex(cell)).slice(0, max);
}

/** Where a navigation key moves focus from `from` (grid keys of the ARIA grid pattern), or null. */
function keyTarget(event: KeyboardEvent, from: CellPosition): CellPosition | null {
  const { row, column } = from;
  const lastRow = GRID.rows - 1;
  const lastColumn = GRID.columns - 1;
  switch (event.key) {
    case "ArrowRight":
      return { row, column: Math.min(column + 1, lastColumn) };
    case "ArrowLeft":
      return { row, column: Math.max(column - 1, 0) };
    case "ArrowDown":
      return { row: Math.min(row + 1, lastRow), column };
    case "ArrowUp":
      return { row: Math.max(row - 1, 0), column };
    case "Home":
      return event.ctrlKey ? { row: 0, column: 0 } : { row, column: 0 };
    case "End":
      return event.ctrlKey ? { row: lastRow, column: lastColumn } : { row, column: lastColumn };
    case "PageUp":
      return { row: 0, column };
    case "PageDown":
      return { row: lastRow, column };
    default:
      return null;
  }
}

/**
 * The registration matrix's state: the clicks, the one cell in the tab order (roving tabindex),
 * the live announcement, and whether the server's refusal still applies to what is on screen.
 * `inactive` is true while the pad is disabled or its form is pending.
 */
export function useMatrixPad({
  initialPattern,
  limits,
  inactive,
  error,
}: {
  initialPattern?: readonly number[];
  limits: ClickLimits;
  inactive: boolean;
  error?: string;
}) {
  const t = useTranslations("Matrix");
  const { minClicks: min, maxClicks: max } = limits;

  const [pattern, setPattern] = useState<number[]>(() => sanitize(initialPattern, max));
  const [active, setActive] = useState<number>(() => pattern.at(-1) ?? 0);
  // Alternates a trailing no-break space so that repeating the same message is announced again.
  const [status, setStatus] = useState<{ text: string; toggle: boolean }>({ text: "", toggle: false });
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

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

  function onCellKeyDown(event: KeyboardEvent<HTMLButtonElement>, cell: number) {
    const target = keyTarget(event, cellPosition(cell));
    if (target === null) return;
    event.preventDefault();
    const next = cellIndex(target);
    setActive(next);
    buttons.current[next]?.focus();
  }

  return {
    pattern,
    count,
    refusal,
    statusText: status.text ? `${status.text}${status.toggle ? "\u00a0" : ""}` : "",
    tabbable: isCellIndex(active) ? active : 0,
    buttons,
    clickCell,
    setActive,
    onCellKeyDown,
    undo,
    clear,
  };
}
