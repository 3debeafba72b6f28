// The matrix domain: the grid, patterns, their strength and the challenge, each module whole ...
export * from "./grid";
export * from "./pattern";
export * from "./strength-policy";
export * from "./challenge";
// ... but of the geometry only what callers use (cornersBlock stays the strength check's own).
export { blockCorners, sharedLine, type LineDirection } from "./geometry";
