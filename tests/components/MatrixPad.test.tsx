import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import en from "@/messages/en.json";
import { MatrixPad } from "@/app/components/matrix/MatrixPad";

function renderPad(props: Partial<Parameters<typeof MatrixPad>[0]> = {}) {
  const user = userEvent.setup();
  const view = render(
    <NextIntlClientProvider locale="en" messages={en}>
      <form aria-label="Register your matrix password">
        <MatrixPad name="pattern" {...props} />
      </form>
    </NextIntlClientProvider>,
  );
  const form = screen.getByRole("form");
  const hidden = () => (form as HTMLFormElement).elements.namedItem("pattern") as HTMLInputElement;
  return { user, view, form, hidden };
}

const cell = (row: number, column: number) => screen.getByRole("button", { name: `Row ${row}, column ${column}` });
const clicked = (row: number, column: number, order: number) =>
  screen.getByRole("button", { name: `Row ${row}, column ${column}, click ${order}` });

/** Clicks n distinct cells: row 1, columns 1..n (n <= 12), then row 2. */
async function clickMany(user: ReturnType<typeof userEvent.setup>, n: number) {
  for (let i = 0; i < n; i += 1) {
    await user.click(
      screen.getByRole("button", { name: new RegExp(`^Row ${Math.floor(i / 12) + 1}, column ${(i % 12) + 1}(,|$)`) }),
    );
  }
}

describe("MatrixPad", () => {
  it("renders a 4x12 grid named Matrix with a button per cell", () => {
    renderPad();
    const grid = screen.getByRole("grid", { name: "Matrix" });
    const rows = within(grid).getAllByRole("row");
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(within(row).getAllByRole("gridcell")).toHaveLength(12);
    expect(within(grid).getAllByRole("button")).toHaveLength(48);
    expect(cell(1, 1)).toHaveAttribute("type", "button");
    expect(cell(4, 12)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Undo" })).toHaveAttribute("type", "button");
    expect(screen.getByRole("button", { name: "Clear" })).toHaveAttribute("type", "button");
    expect(screen.getByRole("button", { name: "Register" })).toHaveAttribute("type", "submit");
    expect(screen.getByText("0/15")).toBeInTheDocument();
  });

  it("shows the click order in clicked cells and names them accordingly", async () => {
    const { user, hidden } = renderPad();
    await user.click(cell(1, 4));
    await user.click(cell(3, 9));
    expect(clicked(1, 4, 1)).toHaveTextContent("1");
    expect(clicked(3, 9, 2)).toHaveTextContent("2");
    expect(cell(2, 2).textContent).toBe("");
    expect(screen.getByText("2/15")).toBeInTheDocument();
    expect(hidden().value).toBe("3,32");
    expect(screen.getByRole("status")).toHaveTextContent("Row 3, column 9: click 2. 2 of 15 clicks.");
  });

  it("moves a repeated cell to the order of its last click, keeping every click in the field", async () => {
    const { user, hidden } = renderPad();
    await user.click(cell(1, 1));
    await user.click(cell(2, 3));
    await user.click(clicked(1, 1, 1));
    expect(screen.queryByRole("button", { name: "Row 1, column 1, click 1" })).not.toBeInTheDocument();
    expect(clicked(1, 1, 3)).toHaveTextContent("3");
    expect(clicked(2, 3, 2)).toBeInTheDocument();
    expect(hidden().value).toBe("0,14,0");
    expect(screen.getByText("3/15")).toBeInTheDocument();
  });

  it("enables Register from 8 clicks", async () => {
    const { user } = renderPad();
    const register = screen.getByRole("button", { name: "Register" });
    await clickMany(user, 7);
    expect(register).toBeDisabled();
    expect(screen.getByText("Click 1 more cell to enable Register.")).toBeInTheDocument();
    await clickMany(user, 1);
    expect(screen.getByText("8/15")).toBeInTheDocument();
    expect(register).toBeEnabled();
    expect(screen.getByRole("status")).toHaveTextContent("You can now register.");
  });

  it("ignores the 16th click and says why", async () => {
    const { user, hidden } = renderPad();
    await clickMany(user, 15);
    expect(screen.getByText("15/15")).toBeInTheDocument();
    await user.click(cell(4, 12));
    expect(screen.getByText("15/15")).toBeInTheDocument();
    expect(cell(4, 12)).toBeInTheDocument();
    expect(hidden().value.split(",")).toHaveLength(15);
    expect(screen.getByRole("status")).toHaveTextContent("You have reached the maximum of 15 clicks.");
  });

  it("Undo removes the last click and Clear removes all", async () => {
    const { user, hidden } = renderPad();
    await user.click(cell(1, 1));
    await user.click(cell(1, 2));
    await user.click(clicked(1, 1, 1));
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(hidden().value).toBe("0,1");
    expect(clicked(1, 1, 1)).toBeInTheDocument();
    expect(screen.getByText("2/15")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Click 3 removed (row 1, column 1). 2 of 15 clicks.");

    await user.click(screen.getByRole("button", { name: "Clear" }));
    expect(hidden().value).toBe("");
    expect(screen.getByText("0/15")).toBeInTheDocument();
    expect(cell(1, 1)).toBeInTheDocument();
    expect(cell(1, 2)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Undo" })).toHaveAttribute("aria-disabled", "true");
  });

  it("submits the clicks in order with the form", async () => {
    const { user, form } = renderPad({ initialPattern: [3, 17, 17, 40, 5, 6, 7, 8] });
    const submitted = jest.fn((event: SubmitEvent) => {
      event.preventDefault();
      return new FormData(event.target as HTMLFormElement).get("pattern");
    });
    form.addEventListener("submit", submitted);
    await user.click(screen.getByRole("button", { name: "Register" }));
    expect(submitted).toHaveReturnedWith("3,17,17,40,5,6,7,8");
  });

  it("keeps one cell in the tab order and moves focus with the arrow keys, Home and End", async () => {
    const { user } = renderPad();
    const grid = screen.getByRole("grid", { name: "Matrix" });
    const tabbable = () =>
      within(grid)
        .getAllByRole("button")
        .filter((button) => button.tabIndex === 0);
    expect(tabbable()).toEqual([cell(1, 1)]);

    await user.tab();
    expect(cell(1, 1)).toHaveFocus();
    await user.keyboard("{ArrowLeft}{ArrowUp}");
    expect(cell(1, 1)).toHaveFocus();
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowDown}");
    expect(cell(2, 3)).toHaveFocus();
    expect(tabbable()).toEqual([cell(2, 3)]);
    await user.keyboard("{End}");
    expect(cell(2, 12)).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(cell(2, 12)).toHaveFocus();
    await user.keyboard("{Home}");
    expect(cell(2, 1)).toHaveFocus();
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}");
    expect(cell(4, 1)).toHaveFocus();
  });

  it("clicks the focused cell with Enter and Space", async () => {
    const { user, hidden } = renderPad();
    await user.tab();
    await user.keyboard("{Enter}");
    expect(clicked(1, 1, 1)).toHaveFocus();
    await user.keyboard("{ArrowRight}[Space]");
    expect(clicked(1, 2, 2)).toHaveFocus();
    await user.keyboard("{ArrowLeft}{Enter}");
    expect(clicked(1, 1, 3)).toHaveFocus();
    expect(hidden().value).toBe("0,1,0");
    // Tab leaves the grid for Undo and comes back to the last focused cell.
    await user.tab();
    expect(screen.getByRole("button", { name: "Undo" })).toHaveFocus();
    await user.tab({ shift: true });
    expect(clicked(1, 1, 3)).toHaveFocus();
  });

  it("restores a draft from initialPattern", () => {
    const { hidden } = renderPad({ initialPattern: [0, 13, 26, 39, 0, 47, 20, 33, 4] });
    expect(hidden().value).toBe("0,13,26,39,0,47,20,33,4");
    expect(clicked(1, 1, 5)).toBeInTheDocument();
    expect(clicked(2, 2, 2)).toBeInTheDocument();
    expect(clicked(4, 12, 6)).toBeInTheDocument();
    expect(clicked(1, 5, 9)).toBeInTheDocument();
    expect(screen.getByText("9/15")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Register" })).toBeEnabled();
  });

  it("drops cells outside the grid from a draft", () => {
    const { hidden } = renderPad({ initialPattern: [1, 48, -1, 2.5, 2] });
    expect(hidden().value).toBe("1,2");
  });

  it("shows a refusal tied to the grid and clears it once the pattern changes, until the next submit", async () => {
    const refusal = "This pattern is too easy to guess. Choose cells in more than one block.";
    const pad = (disabled: boolean) => (
      <NextIntlClientProvider locale="en" messages={en}>
        <form aria-label="Register your matrix password">
          <MatrixPad name="pattern" initialPattern={[0, 1, 2, 3, 4, 5, 6, 7]} error={refusal} disabled={disabled} />
        </form>
      </NextIntlClientProvider>
    );
    const user = userEvent.setup();
    const { rerender } = render(pad(false));
    const grid = screen.getByRole("grid", { name: "Matrix" });
    const message = screen.getByRole("alert");
    expect(message).toHaveTextContent(refusal);
    expect(grid.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);

    // The refusal was about the submitted pattern: a new click makes it stale.
    await user.click(cell(2, 1));
    expect(screen.queryByText(refusal)).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(grid.getAttribute("aria-describedby")?.split(" ")).not.toContain(message.id);

    // Undo and Clear change the pattern too; the refusal stays hidden.
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(screen.queryByText(refusal)).not.toBeInTheDocument();

    // Submitting again (the form is busy, then answers with the same refusal) shows it again.
    rerender(pad(true));
    rerender(pad(false));
    expect(screen.getByRole("alert")).toHaveTextContent(refusal);
  });

  it("disables every control when disabled", () => {
    renderPad({ disabled: true, initialPattern: [0, 1, 2, 3, 4, 5, 6, 7] });
    expect(cell(1, 9)).toBeDisabled();
    expect(screen.getByRole("button", { name: "Undo" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Register" })).toBeDisabled();
  });
});
