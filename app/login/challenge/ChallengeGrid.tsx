import { getTranslations } from "next-intl/server";
import { DEFAULT_GRID } from "@/lib/matrix";

/**
 * The challenge digits as a data table a screen reader can read cell by cell. It is text,
 * not buttons: clicking cells would reveal the secret positions to an observer.
 */
export async function ChallengeGrid({ digits }: { digits: string }) {
  const t = await getTranslations("Login");
  const { rows, columns, blockColumns } = DEFAULT_GRID;
  const blockEdge = (column: number) => column > 0 && column % blockColumns === 0;
  return (
    <div className="max-w-full overflow-x-auto">
      <table aria-label={t("matrix")} className="mx-auto border-separate border-spacing-0 font-mono text-ink">
        <thead>
          <tr>
            <td className="w-6" />
            {Array.from({ length: columns }, (_, column) => (
              <th key={column} scope="col" className={`pb-1 text-[0.7rem] font-medium text-muted ${blockEdge(column) ? "pl-2 sm:pl-4" : ""}`}>
                <span className="sr-only">{t("column", { column: column + 1 })}</span>
                <span aria-hidden="true">{column + 1}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              <th scope="row" className="pr-1 text-right text-[0.7rem] font-medium text-muted">
                <span className="sr-only">{t("row", { row: row + 1 })}</span>
                <span aria-hidden="true">{row + 1}</span>
              </th>
              {Array.from({ length: columns }, (_, column) => (
                <td key={column} className={`p-0.5 ${blockEdge(column) ? "pl-2 sm:pl-4" : ""}`}>
                  <span className="flex size-6 items-center justify-center rounded border border-line-strong bg-surface text-base font-semibold sm:size-10 sm:text-xl">
                    {digits[row * columns + column]}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
