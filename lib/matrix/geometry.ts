import { blockCount, cellIndex, cellPosition, type GridShape } from "./grid";

export type LineDirection = "row" | "column" | "diagonal" | "anti-diagonal";

/**
 * The direction of the one straight line holding every given cell, or null. Diagonals run
 * at 45 degrees: "diagonal" keeps row - column constant (down-right), "anti-diagonal" keeps
 * row + column constant (down-left). Cells need not be adjacent on the line.
 */
export function sharedLine(shape: GridShape, cells: readonly number[]): LineDirection | null {
  const positions = cells.map((cell) => cellPosition(shape, cell));
  const allSame = (key: (p: { row: number; column: number }) => number) =>
    new Set(positions.map(key)).size === 1;

  if (allSame((p) => p.row)) return "row";
  if (allSame((p) => p.column)) return "column";
  if (allSame((p) => p.row - p.column)) return "diagonal";
  if (allSame((p) => p.row + p.column)) return "anti-diagonal";
  return null;
}

export function blockCorners(shape: GridShape, block: number): number[] {
  const firstColumn = block * shape.blockColumns;
  const lastColumn = firstColumn + shape.blockColumns - 1;
  const lastRow = shape.rows - 1;
  return [
    cellIndex(shape, { row: 0, column: firstColumn }),
    cellIndex(shape, { row: 0, column: lastColumn }),
    cellIndex(shape, { row: lastRow, column: firstColumn }),
    cellIndex(shape, { row: lastRow, column: lastColumn }),
  ];
}

/** The block whose four corners are exactly the given distinct cells, or null. */
export function cornersBlock(shape: GridShape, distinctCells: ReadonlySet<number>): number | null {
  for (let block = 0; block < blockCount(shape); block++) {
    const corners = new Set(blockCorners(shape, block));
    const same =
      corners.size === distinctCells.size && [...corners].every((cell) => distinctCells.has(cell));
    if (same) return block;
  }
  return null;
}
