import { DEFAULT_POLICY, blockCorners, cellIndex, checkStrength, sharedLine } from "@/lib/matrix";

const at = (row: number, column: number) => cellIndex({ row, column });
/** Pads distinct cells to 8 clicks by repeating them, as a user might. */
const clicks = (...cells: number[]) =>
  Array.from({ length: Math.max(8, cells.length) }, (_, i) => cells[i % cells.length] as number);

describe("checkStrength with the default policy", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_POLICY).toEqual({ minDistinctCells: 4, minBlocks: 2 });
  });

  it("accepts a scattered pattern over several blocks", () => {
    const pattern = [at(0, 1), at(2, 5), at(3, 9), at(1, 2), at(0, 1), at(2, 10), at(3, 0), at(1, 7)];
    expect(checkStrength(pattern)).toEqual({ ok: true });
  });

  it("accepts exactly 4 distinct cells over 2 blocks, off any line", () => {
    expect(checkStrength(clicks(at(0, 0), at(1, 2), at(3, 5), at(2, 7)))).toEqual({ ok: true });
  });

  it("refuses fewer than 4 distinct cells, however many clicks", () => {
    expect(checkStrength(clicks(at(0, 0), at(2, 6), at(3, 10)))).toEqual({
      ok: false,
      reason: { code: "too-few-distinct-cells", min: 4, actual: 3 },
    });
    expect(checkStrength(clicks(at(1, 1)))).toMatchObject({
      reason: { code: "too-few-distinct-cells", actual: 1 },
    });
  });

  it("refuses a pattern that stays inside one block", () => {
    expect(checkStrength(clicks(at(0, 4), at(1, 6), at(3, 5), at(2, 7)))).toEqual({
      ok: false,
      reason: { code: "too-few-blocks", min: 2, actual: 1 },
    });
  });

  it("refuses all cells on one row, even spread over blocks and not adjacent", () => {
    expect(checkStrength(clicks(at(2, 0), at(2, 3), at(2, 6), at(2, 11)))).toEqual({
      ok: false,
      reason: { code: "straight-line", direction: "row" },
    });
  });

  it("refuses a down-right diagonal (row - column constant) crossing blocks", () => {
    expect(checkStrength(clicks(at(0, 3), at(1, 4), at(2, 5), at(3, 6)))).toEqual({
      ok: false,
      reason: { code: "straight-line", direction: "diagonal" },
    });
  });

  it("refuses a down-left diagonal (row + column constant) crossing blocks", () => {
    expect(checkStrength(clicks(at(0, 9), at(1, 8), at(2, 7), at(3, 6)))).toEqual({
      ok: false,
      reason: { code: "straight-line", direction: "anti-diagonal" },
    });
  });

  it("does not mistake a knight's-move zigzag for a diagonal", () => {
    expect(checkStrength(clicks(at(0, 2), at(1, 4), at(2, 6), at(3, 8)))).toEqual({ ok: true });
  });
});

describe("checkStrength rules the block rule would otherwise hide", () => {
  // With minBlocks 1 (e.g. a grid configured as one block) the remaining rules still apply.
  const oneBlockAllowed = { minBlocks: 1 };

  it("refuses all cells in one column", () => {
    expect(checkStrength(clicks(at(0, 5), at(1, 5), at(2, 5), at(3, 5)), oneBlockAllowed)).toEqual({
      ok: false,
      reason: { code: "straight-line", direction: "column" },
    });
  });

  it("refuses exactly the four corners of a block, in any order and with repeats", () => {
    const corners = [at(3, 11), at(0, 8), at(3, 8), at(0, 11)];
    expect(checkStrength(clicks(...corners), oneBlockAllowed)).toEqual({
      ok: false,
      reason: { code: "block-corners", block: 2 },
    });
    expect(checkStrength(clicks(at(0, 0), at(0, 3), at(3, 0), at(3, 3)), oneBlockAllowed)).toEqual({
      ok: false,
      reason: { code: "block-corners", block: 0 },
    });
  });

  it("accepts the four corners plus one more cell", () => {
    expect(checkStrength(clicks(at(0, 8), at(0, 11), at(3, 8), at(3, 11), at(1, 9)), oneBlockAllowed)).toEqual({
      ok: true,
    });
  });

  it("does not treat the corners of the whole grid as a block's corners", () => {
    expect(checkStrength(clicks(at(0, 0), at(0, 11), at(3, 0), at(3, 11)))).toEqual({ ok: true });
  });

  it("honours a stricter configured distinct-cell minimum", () => {
    expect(checkStrength(clicks(at(0, 0), at(1, 2), at(3, 5), at(2, 7)), { minDistinctCells: 6 })).toEqual({
      ok: false,
      reason: { code: "too-few-distinct-cells", min: 6, actual: 4 },
    });
  });
});

describe("grid geometry helpers", () => {
  it("lists a block's corners", () => {
    expect(blockCorners(1)).toEqual([4, 7, 40, 43]);
  });

  it("finds no shared line for no cells or scattered cells", () => {
    expect(sharedLine([])).toBeNull();
    expect(sharedLine([0, 13, 30])).toBeNull();
  });

  it("lists the first and last blocks' corners, and finds lines however far apart their cells are", () => {
    expect(blockCorners(0)).toEqual([0, 3, 36, 39]);
    expect(blockCorners(2)).toEqual([8, 11, 44, 47]);
    expect(sharedLine([at(0, 0), at(3, 3)])).toBe("diagonal");
    expect(sharedLine([at(0, 11), at(3, 8)])).toBe("anti-diagonal");
    expect(sharedLine([at(0, 2), at(3, 2)])).toBe("column");
  });
});
