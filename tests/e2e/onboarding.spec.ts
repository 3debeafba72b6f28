import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import {
  cellName,
  clickCells,
  createUser,
  emailsTo,
  newCustomer,
  PATTERN,
  readAnswer,
  startingGuideLink,
  wrongCode,
} from "./support/portal";

test("a new customer onboards from the starting-guide email, with a repeated cell showing its last order", async ({
  page,
}) => {
  const customer = newCustomer();
  await createUser(customer);
  const link = await startingGuideLink(customer.email);

  // Opening the link (as a mail scanner would) several times must not use it up.
  for (let i = 0; i < 3; i++) expect((await page.request.get(link)).status()).toBe(200);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm who you are");
  await expectNoAxeViolations(page);

  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email.toUpperCase());
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(customer.name);
  await page.getByRole("textbox", { name: "Contact telephone number", exact: true }).fill(customer.phone);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/start\/pattern$/);
  await expectNoAxeViolations(page);

  const register = page.getByRole("button", { name: "Register" });
  await clickCells(page, PATTERN.slice(0, 7));
  await expect(register).toBeDisabled();
  await clickCells(page, PATTERN.slice(7));
  await expect(register).toBeEnabled();
  const grid = page.getByRole("grid", { name: "Matrix" });
  await expect(grid.getByRole("button", { name: `${cellName(5)}, click 6` })).toBeVisible();
  await expect(grid.getByRole("button", { name: `${cellName(46)}, click 8` })).toBeVisible();
  await register.click();

  await expect(page).toHaveURL(/\/start\/confirm$/);
  await expect(page.getByRole("main")).toContainText("Row 1, column 6");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page).toHaveURL(/\/start\/pattern$/);
  await expect(grid.getByRole("button", { name: `${cellName(5)}, click 6` })).toBeVisible();
  await page.getByRole("button", { name: "Register" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();

  await expect(page).toHaveURL(/\/start\/done$/);
  await expectNoAxeViolations(page);
  await expect.poll(async () => (await emailsTo(customer.email)).length).toBe(2);

  // A practice sign-in on the new pattern: a wrong answer shows a new grid, the right one says so.
  const practice = page.getByRole("region", { name: "Try it: a practice sign-in" });
  const answer = practice.getByRole("textbox", { name: "One-time password", exact: true });
  await answer.fill(wrongCode(await readAnswer(page, PATTERN)));
  await practice.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/start\/done\?practice=wrong$/);
  await expect(practice.getByText("Not quite.")).toBeVisible();
  if (process.env.PEOPLE_SHOTS)
    await page.screenshot({ path: `${process.env.PEOPLE_SHOTS}/start-done-practice.png`, fullPage: true });
  await answer.fill(await readAnswer(page, PATTERN));
  await practice.getByRole("button", { name: "Send" }).click();
  await expect(practice.getByText("That's right.")).toBeVisible();
  await expect(practice.getByRole("table", { name: "Matrix" })).toHaveCount(0);
  // It signed nobody in.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);

  // The link is spent.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link can no longer be used");
});

test("fewer than 8 clicks cannot register, Undo and Clear work, and more than 15 are ignored", async ({ page }) => {
  const customer = newCustomer();
  await createUser(customer);
  await page.goto(await startingGuideLink(customer.email));
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(customer.name);
  await page.getByRole("textbox", { name: "Contact telephone number", exact: true }).fill(customer.phone);
  await page.getByRole("button", { name: "Continue" }).click();

  const grid = page.getByRole("grid", { name: "Matrix" });
  await clickCells(page, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  await expect(grid.getByRole("button", { name: /click 15$/ })).toHaveCount(1);
  await expect(grid.getByRole("button", { name: cellName(15), exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(grid.getByRole("button", { name: cellName(14), exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(grid.getByRole("button", { name: /click/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Register" })).toBeDisabled();

  // A straight line is refused with the policy's reason.
  await clickCells(page, [0, 1, 2, 3, 4, 5, 6, 7]);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "one straight line" })).toBeVisible();
  // The reason was about the pattern sent: changing the pattern takes it away.
  await clickCells(page, [20]);
  await expect(page.getByText("one straight line")).toHaveCount(0);
});

test("a hyphenated phone is refused with a clear message; five wrong identities void the link", async ({ page }) => {
  const customer = newCustomer();
  await createUser(customer);
  const link = await startingGuideLink(customer.email);
  await page.goto(link);
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(customer.name);
  await page.getByRole("textbox", { name: "Contact telephone number", exact: true }).fill("03-1234-5678");
  await page.getByRole("button", { name: "Continue" }).click();
  // The field's own error (its hint says "without hyphens" from the start): the refusal has
  // arrived and the form has been rebuilt with what was typed, so typing again is not undone.
  await expect(
    page.getByRole("textbox", { name: "Contact telephone number", exact: true }),
  ).toHaveAccessibleDescription(/Type the telephone number as digits only/);

  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Someone Else");
    await page.getByRole("textbox", { name: "Contact telephone number", exact: true }).fill(customer.phone);
    await page.getByRole("button", { name: "Continue" }).click();
    // Each refusal says how many tries are left: wait for this one's before typing again.
    const left = 5 - attempt;
    await expect(page.getByRole("alert").first()).toContainText(
      left === 0 ? "no longer works" : left === 1 ? "1 try left" : `${left} tries left`,
    );
  }
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link can no longer be used");
});

test("resend answers the same for a known and an unknown address", async ({ page }) => {
  const customer = newCustomer();
  await createUser(customer);
  const answers: string[] = [];
  for (const email of [customer.email, `nobody-${Date.now()}@example.com`]) {
    await page.goto("/start/resend");
    await page.getByRole("textbox", { name: "Email address", exact: true }).fill(email);
    await page.getByRole("button", { name: "Send" }).click();
    const status = page.getByRole("status").filter({ hasText: "on its way" });
    await expect(status).toBeVisible();
    answers.push((await status.textContent()) ?? "");
  }
  expect(answers[0]).toBe(answers[1]);
  await expectNoAxeViolations(page);
  await expect.poll(async () => (await emailsTo(customer.email)).length).toBe(2);
});

test("the FAQ explains both problems", async ({ page }) => {
  await page.goto("/faq");
  await expect(page.getByRole("heading", { name: "I didn't get the starting-guide email" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "I forgot my identification information" })).toBeVisible();
  await expectNoAxeViolations(page);
});
