import type { CSSProperties } from "react";
import { getTranslations } from "next-intl/server";
import { BLOCK_COUNT, GRID } from "@/lib/matrix";

/*
 * Layout (presentation only). The table fills its container, so it never scrolls sideways:
 * each digit tile is `--cell` wide, worked out from the container width (`cqw`) minus the fixed
 * parts of a row, counted from GRID (set on the table as --columns and --blocks):
 *   row header H + blocks × (gap G + outer line L) + columns × (tile + line L)
 *   phones: H 16px, G 8px, L 1px  (4 × 12 in three blocks: 12 tiles + 55px)
 *   sm+:    H 32px, G 20px, L 2px (12 tiles + 122px), tiles at most 3rem
 * Each block is drawn as one panel behind its 16 tiles (a pseudo-element per cell, so the table
 * keeps exactly one <td> per digit): the panel colour shows as lines between the tiles, and the
 * gap before each block is left uncovered, so the three 4 × 4 blocks stand apart.
 */
const tableSize =
  "[--cell:calc((100cqw_-_16px_-_var(--blocks)_*_9px_-_var(--columns)_*_1px)_/_var(--columns))] sm:[--cell:min(3rem,calc((100cqw_-_32px_-_var(--blocks)_*_22px_-_var(--columns)_*_2px)_/_var(--columns)))]";
const gridSize = { "--columns": GRID.columns, "--blocks": BLOCK_COUNT } as CSSProperties;
const line = "pr-px sm:pr-0.5";
const blockStart = "pl-[9px] sm:pl-[22px]";
const panel =
  "relative before:absolute before:inset-y-0 before:right-0 before:-z-10 before:bg-line-strong/55 before:content-['']";
const panelLeft = { blockStart: "before:left-2 sm:before:left-5", inside: "before:left-0" };

export async function ChallengeGrid({ digits }: { digits: string }) {
  const t = await getTranslations("Login");
  const { rows, columns, blockColumns } = GRID;
  const isBlockStart = (column: number) => column % blockColumns === 0;
  const isBlockEnd = (column: number) => column % blockColumns === blockColumns - 1;
  const padding = (column: number) => `${line} ${isBlockStart(column) ? blockStart : ""}`;

  function corners(row: number, column: number): { panel: string; tile: string } {
    const top = row === 0;
    const bottom = row === rows - 1;
    const start = isBlockStart(column);
    const end = isBlockEnd(column);
    const panelCorners = [
      top && start ? "before:rounded-tl-md" : "",
      top && end ? "before:rounded-tr-md" : "",
      bottom && start ? "before:rounded-bl-md" : "",
      bottom && end ? "before:rounded-br-md" : "",
    ];
    const tileCorners = [
      top && start ? "rounded-tl-[5px]" : "",
      top && end ? "rounded-tr-[5px]" : "",
      bottom && start ? "rounded-bl-[5px]" : "",
      bottom && end ? "rounded-br-[5px]" : "",
    ];
    return { panel: panelCorners.join(" "), tile: tileCorners.join(" ") };
  }

  return (
    <div className="@container">
      {/*
       * The challenge digits as a data table a screen reader can read cell by cell. It is text,
       * not buttons: clicking cells would reveal the secret positions to an observer.
       */}
      <table
        aria-label={t("matrix")}
        style={gridSize}
        className={`isolate mx-auto border-separate border-spacing-0 font-mono text-ink ${tableSize}`}
      >
        <thead>
          <tr>
            <td className="w-4 sm:w-8" />
            {Array.from({ length: columns }, (_, column) => (
              <th
                key={column}
                scope="col"
                className={`relative pb-1 text-center font-sans text-xs font-medium text-muted tabular-nums sm:pb-1.5 sm:text-sm ${padding(column)}`}
              >
                <span className="sr-only">{t("column", { column: column + 1 })}</span>
                <span aria-hidden="true">{column + 1}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              <th
                scope="row"
                className="relative w-4 pr-1 text-right font-sans text-xs font-medium text-muted tabular-nums sm:w-8 sm:pr-2 sm:text-sm"
              >
                <span className="sr-only">{t("row", { row: row + 1 })}</span>
                <span aria-hidden="true">{row + 1}</span>
              </th>
              {Array.from({ length: columns }, (_, column) => {
                const corner = corners(row, column);
                return (
                  <td
                    key={column}
                    className={`${panel} ${isBlockStart(column) ? panelLeft.blockStart : panelLeft.inside} ${corner.panel} ${padding(column)} ${row === 0 ? "pt-px sm:pt-0.5" : ""} pb-px sm:pb-0.5`}
                  >
                    <span
                      className={`flex size-(--cell) items-center justify-center bg-surface text-base leading-none font-bold tabular-nums sm:text-xl lg:text-2xl ${corner.tile}`}
                    >
                      {digits[row * columns + column]}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
