import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import {
  acceptTerms,
  clickCells,
  createUser,
  newCustomer,
  PATTERN,
  readAnswer,
  startingGuideLink,
} from "./support/portal";

/**
 * DESIGN.md section 5: a control's accessible name is its label's text and nothing more, so
 * every field of the main forms is found by its exact name (a "Required" tag inside the label
 * once made them "NameRequired").
 */
async function expectFieldsNamedExactly(
  page: Page,
  fields: readonly (readonly ["textbox" | "combobox", string])[],
): Promise<void> {
  for (const [role, name] of fields) {
    const field = page.getByRole(role, { name, exact: true });
    await expect(field, `${role} "${name}"`).toHaveCount(1);
    await expect(field).toHaveAccessibleName(name);
  }
}

test("the fields of login, challenge, identity verification, admin register and account password have their exact names", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const operator = { ...newCustomer(), name: "Ken Operator" };
  await createUser(operator, "operator");

  await page.goto(await startingGuideLink(operator.email));
  await expectFieldsNamedExactly(page, [
    ["textbox", "Email address"],
    ["textbox", "Name"],
    ["textbox", "Contact telephone number"],
  ]);
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(operator.email);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(operator.name);
  await page.getByRole("textbox", { name: "Contact telephone number", exact: true }).fill(operator.phone);
  await page.getByRole("button", { name: "Continue" }).click();
  await clickCells(page, PATTERN);
  await page.getByRole("button", { name: "Register" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/start\/done$/);

  await page.goto("/login");
  await expectFieldsNamedExactly(page, [["textbox", "Email address"]]);
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(operator.email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/login\/challenge/);
  await expectFieldsNamedExactly(page, [["textbox", "One-time password"]]);
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(await readAnswer(page, PATTERN));
  await page.getByRole("button", { name: "Send" }).click();
  await acceptTerms(page);

  await page.goto("/admin/users/new");
  await expectFieldsNamedExactly(page, [
    ["textbox", "Email address"],
    ["textbox", "Name"],
    ["textbox", "Contact telephone number"],
    ["textbox", "Company"],
    ["combobox", "Role"],
    ["combobox", "Language"],
  ]);

  await page.goto("/account/password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("table", { name: "Matrix" })).toBeVisible();
  await expectFieldsNamedExactly(page, [["textbox", "One-time password"]]);
});
