import { render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/messages/en.json";
import { MatrixPreview } from "@/app/components/matrix/MatrixPreview";

function renderPreview(pattern: number[]) {
  return render(
    <NextIntlClientProvider locale="en" messages={en}>
      <MatrixPreview pattern={pattern} />
    </NextIntlClientProvider>,
  );
}

describe("MatrixPreview", () => {
  // Row 1 column 4, row 3 column 9, row 1 column 4 again, then five more cells.
  const pattern = [3, 32, 3, 13, 46, 20, 7, 40];

  it("shows the matrix as a table named 'Your matrix password' with headers", () => {
    renderPreview(pattern);
    const table = screen.getByRole("table", { name: "Your matrix password" });
    expect(within(table).getAllByRole("columnheader")).toHaveLength(12);
    expect(within(table).getByRole("columnheader", { name: "Column 12" })).toBeInTheDocument();
    expect(within(table).getAllByRole("rowheader")).toHaveLength(4);
    expect(within(table).getByRole("rowheader", { name: "Row 3" })).toBeInTheDocument();
    const bodyRows = within(table).getAllByRole("row").slice(1);
    expect(bodyRows).toHaveLength(4);
    for (const row of bodyRows) expect(within(row).getAllByRole("cell")).toHaveLength(12);
  });

  it("shows the last click order in each chosen cell", () => {
    renderPreview(pattern);
    const table = screen.getByRole("table", { name: "Your matrix password" });
    const rows = within(table).getAllByRole("row").slice(1);
    const cellAt = (row: number, column: number) => within(rows[row - 1]!).getAllByRole("cell")[column - 1]!;
    expect(cellAt(1, 4)).toHaveTextContent("Click 3");
    expect(cellAt(3, 9)).toHaveTextContent("Click 2");
    expect(cellAt(4, 11)).toHaveTextContent("Click 5");
    expect(cellAt(2, 2)).toHaveTextContent("Click 4");
    expect(cellAt(2, 3).textContent).toBe("");
  });

  it("lists the whole sequence in words so repeats are visible", () => {
    renderPreview(pattern);
    const items = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "1. Row 1, column 4",
      "2. Row 3, column 9",
      "3. Row 1, column 4",
      "4. Row 2, column 2",
      "5. Row 4, column 11",
      "6. Row 2, column 9",
      "7. Row 1, column 8",
      "8. Row 4, column 5",
    ]);
    expect(screen.getAllByText("Row 1, column 4")).toHaveLength(2);
  });
});
