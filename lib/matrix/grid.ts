/**
 * The one grid a matrix password lives on: 4 rows of 12 columns, drawn as three 4x4 blocks.
 * Blocks are vertical bands of `blockColumns` columns spanning every row. Cells are numbered
 * left to right, top to bottom, starting at 0: `index = row * columns + column`. The shape is
 * fixed rather than configured: stored patterns are cell indices into it, so changing it would
 * silently move every user's cells, and the pages' layout is worked out from it.
 */
export const GRID = Object.freeze({ rows: 4, columns: 12, blockColumns: 4 } as const);

export const CELL_COUNT = GRID.rows * GRID.columns;

export const BLOCK_COUNT = GRID.columns / GRID.blockColumns;

export type CellPosition = { row: number; column: number };

export function isCellIndex(index: number): boolean {
  return Number.isSafeInteger(index) && index >= 0 && index < CELL_COUNT;
}

export function cellPosition(index: number): CellPosition {
  if (!isCellIndex(index)) {
    throw new RangeError(`Cell ${index} is outside the grid`);
  }
  return { row: Math.floor(index / GRID.columns), column: index % GRID.columns };
}

export function cellIndex(position: CellPosition): number {
  const { row, column } = position;
  const inside =
    Number.isSafeInteger(row) &&
    Number.isSafeInteger(column) &&
    row >= 0 &&
    row < GRID.rows &&
    column >= 0 &&
    column < GRID.columns;
  if (!inside) {
    throw new RangeError(`Position (${row}, ${column}) is outside the grid`);
  }
  return row * GRID.columns + column;
}

/** 0-based index of the block (vertical band) holding the cell. */
export function blockOf(index: number): number {
  return Math.floor(cellPosition(index).column / GRID.blockColumns);
}
