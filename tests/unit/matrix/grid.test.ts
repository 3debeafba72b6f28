import {
  DEFAULT_GRID,
  assertValidGridShape,
  blockCount,
  blockOf,
  cellCount,
  cellIndex,
  cellPosition,
  isCellIndex,
  validateGridShape,
} from "@/lib/matrix";

describe("grid shape", () => {
  it("defaults to three 4x4 blocks side by side: 48 cells", () => {
    expect(DEFAULT_GRID).toEqual({ rows: 4, columns: 12, blockColumns: 4 });
    expect(cellCount(DEFAULT_GRID)).toBe(48);
    expect(blockCount(DEFAULT_GRID)).toBe(3);
  });

  it("numbers cells row by row from 0", () => {
    expect(cellPosition(DEFAULT_GRID, 0)).toEqual({ row: 0, column: 0 });
    expect(cellPosition(DEFAULT_GRID, 11)).toEqual({ row: 0, column: 11 });
    expect(cellPosition(DEFAULT_GRID, 12)).toEqual({ row: 1, column: 0 });
    expect(cellPosition(DEFAULT_GRID, 47)).toEqual({ row: 3, column: 11 });
    expect(cellIndex(DEFAULT_GRID, { row: 2, column: 5 })).toBe(29);
  });

  it("round-trips every cell between index and position", () => {
    for (let index = 0; index < cellCount(DEFAULT_GRID); index++) {
      expect(cellIndex(DEFAULT_GRID, cellPosition(DEFAULT_GRID, index))).toBe(index);
    }
  });

  it("puts each column band in its block", () => {
    expect([0, 3, 4, 7, 8, 11, 44, 47].map((cell) => blockOf(DEFAULT_GRID, cell))).toEqual([
      0, 0, 1, 1, 2, 2, 2, 2,
    ]);
  });

  it("refuses positions and indices outside the grid", () => {
    for (const index of [-1, 48, 1.5, Number.NaN]) {
      expect(isCellIndex(DEFAULT_GRID, index)).toBe(false);
      expect(() => cellPosition(DEFAULT_GRID, index)).toThrow(RangeError);
    }
    for (const position of [
      { row: -1, column: 0 },
      { row: 4, column: 0 },
      { row: 0, column: -1 },
      { row: 0, column: 12 },
      { row: 0.5, column: 0 },
      { row: 0, column: 0.5 },
    ]) {
      expect(() => cellIndex(DEFAULT_GRID, position)).toThrow(RangeError);
    }
  });

  it("validates the shape itself", () => {
    expect(validateGridShape(DEFAULT_GRID)).toEqual({ ok: true });
    expect(validateGridShape({ rows: 5, columns: 10, blockColumns: 5 })).toEqual({ ok: true });
    for (const bad of [
      { rows: 0, columns: 12, blockColumns: 4 },
      { rows: 4, columns: -12, blockColumns: 4 },
      { rows: 4, columns: 12, blockColumns: 0 },
      { rows: 4.5, columns: 12, blockColumns: 4 },
      { rows: Number.NaN, columns: 12, blockColumns: 4 },
    ]) {
      expect(validateGridShape(bad)).toEqual({ ok: false, reason: { code: "not-positive-integers" } });
    }
    expect(validateGridShape({ rows: 4, columns: 12, blockColumns: 5 })).toEqual({
      ok: false,
      reason: { code: "blocks-do-not-divide-columns", columns: 12, blockColumns: 5 },
    });
  });

  it("assertValidGridShape passes good settings through and throws on bad ones", () => {
    expect(assertValidGridShape(DEFAULT_GRID)).toBe(DEFAULT_GRID);
    expect(() => assertValidGridShape({ rows: 4, columns: 12, blockColumns: 5 })).toThrow(
      /blocks-do-not-divide-columns/,
    );
  });
});
