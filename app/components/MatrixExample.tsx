/**
 * A static, illustrative sign-in grid for the home page: 4 rows × 12 columns in three 4×4
 * blocks, with the example's secret cells highlighted and numbered in click order.
 * Purely visual (aria-hidden); the surrounding figure's caption describes it in words.
 */

export const exampleDigits: readonly (readonly number[])[] = [
  [4, 7, 1, 9, 3, 0, 8, 2, 6, 5, 1, 3],
  [8, 2, 6, 0, 5, 9, 1, 4, 7, 3, 2, 8],
  [3, 9, 5, 7, 1, 6, 4, 0, 8, 2, 6, 1],
  [6, 1, 0, 4, 8, 2, 7, 5, 9, 6, 3, 0],
];

/** Secret cells as [row, column], 0-based, in click order. */
export const examplePattern: readonly (readonly [number, number])[] = [
  [0, 1],
  [2, 2],
  [1, 5],
  [3, 6],
  [0, 9],
  [2, 10],
  [3, 8],
  [1, 11],
];

/** The one-time password the example grid produces. */
export function exampleCode(): string {
  return examplePattern.map(([r, c]) => String(exampleDigits[r]?.[c] ?? "")).join("");
}

function orderAt(row: number, col: number): number | undefined {
  const index = examplePattern.findIndex(([r, c]) => r === row && c === col);
  return index === -1 ? undefined : index + 1;
}

export function MatrixExample() {
  return (
    <div aria-hidden="true" className="mx-auto grid max-w-44 grid-cols-1 gap-3 sm:max-w-none sm:grid-cols-3">
      {[0, 1, 2].map((block) => (
        <div key={block} className="grid grid-cols-4 gap-1 rounded-lg bg-canvas p-1.5 ring-1 ring-line">
          {[0, 1, 2, 3].flatMap((row) =>
            [0, 1, 2, 3].map((c) => {
              const col = block * 4 + c;
              const order = orderAt(row, col);
              return (
                <div
                  key={`${row}-${col}`}
                  className={
                    "relative flex aspect-square items-center justify-center rounded-md font-mono text-base font-semibold " +
                    (order ? "bg-accent text-white shadow-sm" : "bg-surface text-ink")
                  }
                >
                  {exampleDigits[row]?.[col]}
                  {order ? (
                    <span className="absolute -top-1.5 -right-1.5 z-10 flex size-[1.125rem] items-center justify-center rounded-full bg-surface text-[0.7rem] leading-none font-bold text-accent ring-1 ring-accent">
                      {order}
                    </span>
                  ) : null}
                </div>
              );
            }),
          )}
        </div>
      ))}
    </div>
  );
}
