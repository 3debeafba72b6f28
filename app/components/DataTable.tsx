import type { ReactNode } from "react";

/**
 * A data table that keeps its columns on a phone and scrolls inside its own focusable, named
 * region (the WCAG 1.4.10 exception for two-dimensional content), so the page itself never
 * scrolls sideways. The caller renders the body rows; `className` sets a minimum width.
 */
export function DataTable({
  caption,
  columns,
  className = "",
  children,
}: {
  caption: string;
  columns: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="-mx-2 overflow-x-auto px-2" tabIndex={0} role="region" aria-label={caption}>
      <table className={`w-full text-left text-sm ${className}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line text-muted">
            {columns.map((column, index) => (
              <th
                key={column}
                scope="col"
                className={`py-2 font-semibold whitespace-nowrap ${index < columns.length - 1 ? "pr-4" : ""}`}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
