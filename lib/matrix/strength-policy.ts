import { blockOf } from "./grid";
import { cornersBlock, sharedLine, type LineDirection } from "./geometry";

export type StrengthPolicy = { minDistinctCells: number; minBlocks: number };

export const DEFAULT_POLICY: StrengthPolicy = Object.freeze({ minDistinctCells: 4, minBlocks: 2 });

export type StrengthRefusal =
  | { code: "too-few-distinct-cells"; min: number; actual: number }
  | { code: "too-few-blocks"; min: number; actual: number }
  | { code: "straight-line"; direction: LineDirection }
  | { code: "block-corners"; block: number };

export type StrengthCheck = { ok: true } | { ok: false; reason: StrengthRefusal };

/**
 * Applies the strength policy to a pattern that already passed `validatePattern`, and
 * returns the first rule it breaks. Reuse of earlier patterns is checked by the caller
 * against stored hashes of `patternFingerprint`.
 */
export function checkStrength(pattern: readonly number[], options: Partial<StrengthPolicy> = {}): StrengthCheck {
  const policy: StrengthPolicy = { ...DEFAULT_POLICY, ...options };
  const distinctCells = new Set(pattern);

  if (distinctCells.size < policy.minDistinctCells) {
    return refuse({
      code: "too-few-distinct-cells",
      min: policy.minDistinctCells,
      actual: distinctCells.size,
    });
  }

  const blocks = new Set([...distinctCells].map((cell) => blockOf(cell)));
  if (blocks.size < policy.minBlocks) {
    return refuse({ code: "too-few-blocks", min: policy.minBlocks, actual: blocks.size });
  }

  const line = sharedLine([...distinctCells]);
  if (line !== null) {
    return refuse({ code: "straight-line", direction: line });
  }

  const block = cornersBlock(distinctCells);
  if (block !== null) {
    return refuse({ code: "block-corners", block });
  }

  return { ok: true };
}

function refuse(reason: StrengthRefusal): StrengthCheck {
  return { ok: false, reason };
}
