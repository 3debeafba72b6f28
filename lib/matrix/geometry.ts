import { BLOCK_COUNT, GRID, cellIndex, cellPosition } from "./grid";

export type LineDirection = "row" | "column" | "diagonal" | "anti-diagonal";

/**
 * The direction of the one straight line holding every given cell, or null. Diagonals run
 * at 45 degrees: "diagonal" keeps row - column constant (down-right), "anti-diagonal" keeps
 * row + column constant (down-left). Cells need not be adjacent on the line.
 */
export function sharedLine(cells: readonly number[]): LineDirection | null {
  const positions = cells.map(cellPosition);
  const allSame = (key: (p: { row: number; column: number }) => number) => new Set(positions.map(key)).size === 1;

  if (allSame((p) => p.row)) return "row";
  if (allSame((p) => p.column)) return "column";
  if (allSame((p) => p.row - p.column)) return "diagonal";
  if (allSame((p) => p.row + p.column)) return "anti-diagonal";
  return null;
}

export function blockCorners(block: number): number[] {
  const firstColumn = block * GRID.blockColumns;
  const lastColumn = firstColumn + GRID.blockColumns - 1;
  const lastRow = GRID.rows - 1;
  return [
    cellIndex({ row: 0, column: firstColumn }),
    cellIndex({ row: 0, column: lastColumn }),
    cellIndex({ row: lastRow, column: firstColumn }),
    cellIndex({ row: lastRow, column: lastColumn }),
  ];
}

/** The block whose four corners are exactly the given distinct cells, or null. */
export function cornersBlock(distinctCells: ReadonlySet<number>): number | null {
  for (let block = 0; block < BLOCK_COUNT; block++) {
    const corners = new Set(blockCorners(block));
    const same = corners.size === distinctCells.size && [...corners].every((cell) => distinctCells.has(cell));
    if (same) return block;
  }
  return null;
}
