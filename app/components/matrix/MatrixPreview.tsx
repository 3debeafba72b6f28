import { useTranslations } from "next-intl";
import { GRID, cellIndex, describeSequence, lastClickOrder } from "@/lib/matrix";

export type MatrixPreviewProps = {
  /** The draft pattern: cell indices in click order, repeats allowed. */
  pattern: readonly number[];
  /** Level of the "clicks in order" heading, to fit the page's outline. */
  headingLevel?: 2 | 3;
};

/*
 * Horizontal cell padding, by a column's place in its block of four (GRID.blockColumns), that
 * keeps every cell the same width (all columns of a fixed table are equally wide, so every cell
 * gets the same total padding) while leaving a narrow gap inside a block and a wide one between
 * blocks: the padding shifts from the left side to the right, giving gaps of 2px inside a block
 * and 6px between blocks (4px and 12px from sm).
 */
const BLOCK_PADDING = [
  "pl-[3px] pr-0 sm:pl-1.5 sm:pr-0",
  "pl-[2px] pr-[1px] sm:pl-1 sm:pr-0.5",
  "pl-[1px] pr-[2px] sm:pl-0.5 sm:pr-1",
  "pl-0 pr-[3px] sm:pl-0 sm:pr-1.5",
] as const satisfies { length: typeof GRID.blockColumns };

/**
 * The read-only confirmation view: the matrix as a table (caption "Your matrix password", row
 * and column headers) with each chosen cell showing the order of its last click, then the whole
 * sequence in words so that a cell clicked more than once is not hidden.
 * Server-compatible: no client state, only next-intl's non-async `useTranslations`.
 */
export function MatrixPreview({ pattern, headingLevel = 2 }: MatrixPreviewProps) {
  const t = useTranslations("Matrix");
  const orders = lastClickOrder(pattern);
  const steps = describeSequence(pattern);
  const padding = (column: number) => BLOCK_PADDING[column % GRID.blockColumns];
  const Heading = headingLevel === 2 ? "h2" : "h3";

  return (
    <div className="space-y-6">
      <table className="mx-auto w-full max-w-2xl table-fixed border-separate border-spacing-x-0 border-spacing-y-0.5 sm:border-spacing-y-1">
        <caption className="mb-2 text-left text-base font-semibold text-ink">{t("previewCaption")}</caption>
        <colgroup>
          <col className="w-5 sm:w-16" />
          {Array.from({ length: GRID.columns }, (_, column) => (
            <col key={column} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td />
            {Array.from({ length: GRID.columns }, (_, column) => (
              <th
                key={column}
                scope="col"
                className={`pb-1 text-center text-xs font-medium text-muted sm:text-sm ${padding(column)}`}
              >
                <span className="sr-only">{t("previewColumn", { column: column + 1 })}</span>
                <span aria-hidden="true">{column + 1}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: GRID.rows }, (_, row) => (
            <tr key={row}>
              <th scope="row" className="pr-1 text-right text-xs font-medium whitespace-nowrap text-muted sm:text-sm">
                <span className="sr-only sm:not-sr-only">{t("previewRow", { row: row + 1 })}</span>
                <span aria-hidden="true" className="sm:hidden">
                  {row + 1}
                </span>
              </th>
              {Array.from({ length: GRID.columns }, (_, column) => {
                const order = orders.get(cellIndex({ row, column }));
                return (
                  <td key={column} className={`py-0 ${padding(column)}`}>
                    <div
                      className={
                        "flex aspect-square items-center justify-center rounded border-2 font-mono text-xs leading-none font-bold tabular-nums sm:rounded-lg sm:text-lg " +
                        (order === undefined ? "border-line bg-surface" : "border-brand-strong bg-accent text-white")
                      }
                    >
                      {order === undefined ? null : (
                        <>
                          <span className="sr-only">{t("previewClick", { order })}</span>
                          <span aria-hidden="true">{order}</span>
                        </>
                      )}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>

      <div className="mx-auto w-full max-w-2xl">
        <Heading className="text-base font-semibold text-ink">{t("sequenceTitle")}</Heading>
        <p className="mt-1 text-sm text-muted">{t("sequenceNote")}</p>
        <ol className="mt-3 grid list-none gap-x-6 gap-y-1 p-0 sm:grid-cols-2 lg:grid-cols-3">
          {steps.map((step) => (
            <li key={step.order} className="flex gap-2 text-base text-ink">
              <span className="min-w-[2.5ch] text-right font-mono font-semibold tabular-nums">
                {t("stepNumber", { order: step.order })}
              </span>{" "}
              <span>{t("sequenceStep", { row: step.row, column: step.column })}</span>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
