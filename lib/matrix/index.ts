export {
  BLOCK_COUNT,
  CELL_COUNT,
  GRID,
  blockOf,
  cellIndex,
  cellPosition,
  isCellIndex,
  type CellPosition,
} from "./grid";
export {
  DEFAULT_CLICK_LIMITS,
  MAX_CLICKS,
  MIN_CLICKS,
  describeSequence,
  lastClickOrder,
  patternFingerprint,
  validatePattern,
  type ClickLimits,
  type PatternRefusal,
  type PatternValidation,
  type SequenceStep,
} from "./pattern";
export { blockCorners, sharedLine, type LineDirection } from "./geometry";
export {
  DEFAULT_POLICY,
  checkStrength,
  type StrengthCheck,
  type StrengthPolicy,
  type StrengthRefusal,
} from "./strength-policy";
export { answersMatch, expectedAnswer, normalizeAnswer, generateChallengeDigits, type RandomBytes } from "./challenge";
