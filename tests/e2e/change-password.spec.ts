import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { clickCells, emailsTo, onboard, PATTERN, readAnswer, signIn } from "./support/portal";

const NEW_PATTERN = [13, 2, 26, 39, 21, 44, 9, 30, 2];

test("a customer changes their matrix password after proving the current one; old sessions and the old pattern stop working", async ({
  page,
  browser,
}) => {
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await page
    .getByRole("checkbox", {
      name: "Tick here to accept the terms and conditions then click on the accept button.",
      exact: true,
    })
    .check();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // A second browser signed in as the same customer.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, customer.email, PATTERN);
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await page.getByRole("link", { name: "Change matrix password" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("table", { name: "Matrix" })).toBeVisible();

  // A wrong code gives a fresh grid, not the registration screen.
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill("00000000");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/account\/password\?retry=1$/);
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(await readAnswer(page, PATTERN));
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/start\/pattern$/);

  // The current pattern cannot be registered again.
  await clickCells(page, PATTERN);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "recently" })).toBeVisible();

  await page.getByRole("button", { name: "Clear" }).click();
  await clickCells(page, NEW_PATTERN);
  await page.getByRole("button", { name: "Register" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/start\/done$/);
  await expect
    .poll(async () => (await emailsTo(customer.email)).filter((e) => /changed/i.test(e.subject)).length)
    .toBe(1);

  // Every session of the old pattern has ended, in both browsers.
  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await other.close();

  await signIn(page, customer.email, PATTERN);
  await expect(page).toHaveURL(/\/login\/challenge\?retry=1$/);
  await signIn(page, customer.email, NEW_PATTERN);
  await expect(page).toHaveURL(/\/dashboard$/);
});
