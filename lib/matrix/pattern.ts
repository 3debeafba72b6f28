import { CELL_COUNT, cellPosition, isCellIndex } from "./grid";

export const MIN_CLICKS = 8;
export const MAX_CLICKS = 15;

export type ClickLimits = { minClicks: number; maxClicks: number };

export const DEFAULT_CLICK_LIMITS: ClickLimits = Object.freeze({
  minClicks: MIN_CLICKS,
  maxClicks: MAX_CLICKS,
});

/** Machine codes with their parameters; wording comes from the message catalogue. */
export type PatternRefusal =
  | { code: "not-an-array" }
  | { code: "too-short"; min: number; actual: number }
  | { code: "too-long"; max: number; actual: number }
  | { code: "not-integers" }
  | { code: "out-of-range"; cellCount: number };

export type PatternValidation = { ok: true; pattern: number[] } | { ok: false; reason: PatternRefusal };

/**
 * Checks untrusted input (form data, JSON) is a well-formed pattern: an ordered list of
 * cell indices, repeats allowed. Strength is judged separately by `checkStrength`.
 */
export function validatePattern(input: unknown, limits: ClickLimits = DEFAULT_CLICK_LIMITS): PatternValidation {
  if (!Array.isArray(input)) {
    return { ok: false, reason: { code: "not-an-array" } };
  }
  if (input.length < limits.minClicks) {
    return { ok: false, reason: { code: "too-short", min: limits.minClicks, actual: input.length } };
  }
  if (input.length > limits.maxClicks) {
    return { ok: false, reason: { code: "too-long", max: limits.maxClicks, actual: input.length } };
  }
  // Array.from turns holes of a sparse array into undefined, which then fails here.
  const entries: unknown[] = Array.from(input);
  if (!entries.every((entry) => typeof entry === "number" && Number.isSafeInteger(entry))) {
    return { ok: false, reason: { code: "not-integers" } };
  }
  const pattern = entries as number[];
  if (!pattern.every((cell) => isCellIndex(cell))) {
    return { ok: false, reason: { code: "out-of-range", cellCount: CELL_COUNT } };
  }
  return { ok: true, pattern: [...pattern] };
}

/** Canonical text of a pattern ("3,17,17,40"), for the caller to hash when refusing reuse. */
export function patternFingerprint(pattern: readonly number[]): string {
  return pattern.join(",");
}

/**
 * For each clicked cell, the 1-based order of its LAST click: the number the matrix shows in
 * that cell. A cell clicked more than once shows only its latest order, which is why the
 * confirmation page also spells out the full sequence (`describeSequence`).
 */
export function lastClickOrder(pattern: readonly number[]): Map<number, number> {
  const orders = new Map<number, number>();
  pattern.forEach((cell, index) => orders.set(cell, index + 1));
  return orders;
}

export type SequenceStep = { order: number; row: number; column: number };

/** Every click in order with 1-based row and column, for reading the sequence in words. */
export function describeSequence(pattern: readonly number[]): SequenceStep[] {
  return pattern.map((cell, index) => {
    const { row, column } = cellPosition(cell);
    return { order: index + 1, row: row + 1, column: column + 1 };
  });
}
