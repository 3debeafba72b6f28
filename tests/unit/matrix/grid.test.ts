import { BLOCK_COUNT, CELL_COUNT, GRID, blockOf, cellIndex, cellPosition, isCellIndex } from "@/lib/matrix";

describe("the grid", () => {
  it("is three 4x4 blocks side by side: 48 cells", () => {
    expect(GRID).toEqual({ rows: 4, columns: 12, blockColumns: 4 });
    expect(CELL_COUNT).toBe(48);
    expect(BLOCK_COUNT).toBe(3);
  });

  it("cannot be changed at run time: stored patterns are indices into it", () => {
    expect(Object.isFrozen(GRID)).toBe(true);
  });

  it("numbers cells row by row from 0", () => {
    expect(cellPosition(0)).toEqual({ row: 0, column: 0 });
    expect(cellPosition(11)).toEqual({ row: 0, column: 11 });
    expect(cellPosition(12)).toEqual({ row: 1, column: 0 });
    expect(cellPosition(47)).toEqual({ row: 3, column: 11 });
    expect(cellIndex({ row: 2, column: 5 })).toBe(29);
  });

  it("round-trips every cell between index and position", () => {
    for (let index = 0; index < CELL_COUNT; index++) {
      expect(cellIndex(cellPosition(index))).toBe(index);
    }
  });

  it("puts each column band in its block", () => {
    expect([0, 3, 4, 7, 8, 11, 44, 47].map((cell) => blockOf(cell))).toEqual([0, 0, 1, 1, 2, 2, 2, 2]);
  });

  it("gives every block the same number of cells: whole blocks, none cut off at the edge", () => {
    const perBlock = Array<number>(BLOCK_COUNT).fill(0);
    for (let index = 0; index < CELL_COUNT; index++) perBlock[blockOf(index)]! += 1;
    expect(perBlock).toEqual(Array(BLOCK_COUNT).fill(GRID.rows * GRID.blockColumns));
  });

  it("refuses positions and indices outside the grid", () => {
    for (const index of [-1, 48, 1.5, Number.NaN]) {
      expect(isCellIndex(index)).toBe(false);
      expect(() => cellPosition(index)).toThrow(RangeError);
    }
    for (const position of [
      { row: -1, column: 0 },
      { row: 4, column: 0 },
      { row: 0, column: -1 },
      { row: 0, column: 12 },
      { row: 0.5, column: 0 },
      { row: 0, column: 0.5 },
    ]) {
      expect(() => cellIndex(position)).toThrow(RangeError);
    }
  });
});
