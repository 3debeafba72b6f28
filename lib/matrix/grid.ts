/**
 * The grid a matrix password lives on. Cells are numbered left to right, top to bottom,
 * starting at 0: `index = row * columns + column`. Blocks are vertical bands of
 * `blockColumns` columns spanning every row (the default grid is three 4x4 blocks).
 */
export type GridShape = {
  readonly rows: number;
  readonly columns: number;
  readonly blockColumns: number;
};

export const DEFAULT_GRID: GridShape = Object.freeze({ rows: 4, columns: 12, blockColumns: 4 });

export type CellPosition = { row: number; column: number };

export type GridShapeRefusal =
  | { code: "not-positive-integers" }
  | { code: "blocks-do-not-divide-columns"; columns: number; blockColumns: number };

export type GridShapeCheck = { ok: true } | { ok: false; reason: GridShapeRefusal };

function isPositiveInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

export function validateGridShape(shape: GridShape): GridShapeCheck {
  if (![shape.rows, shape.columns, shape.blockColumns].every(isPositiveInteger)) {
    return { ok: false, reason: { code: "not-positive-integers" } };
  }
  if (shape.columns % shape.blockColumns !== 0) {
    return {
      ok: false,
      reason: {
        code: "blocks-do-not-divide-columns",
        columns: shape.columns,
        blockColumns: shape.blockColumns,
      },
    };
  }
  return { ok: true };
}

/** For settings read at start-up: a bad grid is a configuration error, not user input. */
export function assertValidGridShape(shape: GridShape): GridShape {
  const check = validateGridShape(shape);
  if (!check.ok) {
    throw new RangeError(`Invalid grid shape: ${check.reason.code}`);
  }
  return shape;
}

export function cellCount(shape: GridShape): number {
  return shape.rows * shape.columns;
}

export function blockCount(shape: GridShape): number {
  return shape.columns / shape.blockColumns;
}

export function isCellIndex(shape: GridShape, index: number): boolean {
  return Number.isSafeInteger(index) && index >= 0 && index < cellCount(shape);
}

export function cellPosition(shape: GridShape, index: number): CellPosition {
  if (!isCellIndex(shape, index)) {
    throw new RangeError(`Cell ${index} is outside the grid`);
  }
  return { row: Math.floor(index / shape.columns), column: index % shape.columns };
}

export function cellIndex(shape: GridShape, position: CellPosition): number {
  const { row, column } = position;
  const inside =
    Number.isSafeInteger(row) &&
    Number.isSafeInteger(column) &&
    row >= 0 &&
    row < shape.rows &&
    column >= 0 &&
    column < shape.columns;
  if (!inside) {
    throw new RangeError(`Position (${row}, ${column}) is outside the grid`);
  }
  return row * shape.columns + column;
}

/** 0-based index of the block (vertical band) holding the cell. */
export function blockOf(shape: GridShape, index: number): number {
  return Math.floor(cellPosition(shape, index).column / shape.blockColumns);
}
