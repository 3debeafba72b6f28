export {
  DEFAULT_GRID,
  assertValidGridShape,
  blockCount,
  blockOf,
  cellCount,
  cellIndex,
  cellPosition,
  isCellIndex,
  validateGridShape,
  type CellPosition,
  type GridShape,
  type GridShapeCheck,
  type GridShapeRefusal,
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
export {
  answersMatch,
  expectedAnswer,
  normalizeAnswer,
  generateChallengeDigits,
  type RandomBytes,
} from "./challenge";
