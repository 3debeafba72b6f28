import { type Locator, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import {
  cellName,
  createUser,
  emailsTo,
  newCustomer,
  PATTERN,
  setClockOffset,
  startingGuideLink,
} from "./support/portal";

test.afterEach(() => setClockOffset(0));

const HOUR = 3600_000;

test("a starting-guide link older than 72 hours can no longer be used, and the page leads to a new one", async ({
  page,
}) => {
  const customer = newCustomer();
  await createUser(customer);
  const link = await startingGuideLink(customer.email);

  // Still good shortly before its 72 hours are up ...
  setClockOffset(71 * HOUR);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm who you are");

  // ... and spent after them, with no identity form left to try.
  setClockOffset(73 * HOUR);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link can no longer be used");
  await expect(page.getByRole("textbox", { name: "Contact telephone number", exact: true })).toHaveCount(0);

  await page.getByRole("link", { name: "Request a new starting guide" }).click();
  await expect(page).toHaveURL(/\/start\/resend$/);
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "on its way" })).toBeVisible();
  await expect.poll(async () => (await emailsTo(customer.email)).length, { timeout: 15_000 }).toBe(2);

  const fresh = await startingGuideLink(customer.email);
  expect(fresh).not.toBe(link);
  await page.goto(fresh);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm who you are");
  // The old link stays spent.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link can no longer be used");
});

test("the expired-link page has no accessibility violations", async ({ page }) => {
  const customer = newCustomer();
  await createUser(customer);
  const link = await startingGuideLink(customer.email);
  setClockOffset(73 * HOUR);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link can no longer be used");
  await expectNoAxeViolations(page);
});

const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement).catch(() => false);

/** Presses Tab until the element has the focus (as a keyboard user would). */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("a customer registers a matrix password with the keyboard alone", async ({ page }) => {
  const customer = newCustomer();
  await createUser(customer);
  await page.goto(await startingGuideLink(customer.email));

  await tabTo(page, page.getByRole("textbox", { name: "Email address", exact: true }));
  await page.keyboard.type(customer.email);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toBeFocused();
  await page.keyboard.type(customer.name);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "Contact telephone number", exact: true })).toBeFocused();
  await page.keyboard.type(customer.phone);
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/start\/pattern$/);

  const grid = page.getByRole("grid", { name: "Matrix" });
  const cell = (index: number) => grid.getByRole("button", { name: new RegExp(`^${cellName(index)}(,|$)`) });
  // One Tab stop for the whole grid, on its first cell.
  await tabTo(page, cell(0));
  const at = { row: 0, column: 0 };
  for (const [click, target] of PATTERN.entries()) {
    const to = { row: Math.floor(target / 12), column: target % 12 };
    for (; at.row < to.row; at.row++) await page.keyboard.press("ArrowDown");
    for (; at.row > to.row; at.row--) await page.keyboard.press("ArrowUp");
    for (; at.column < to.column; at.column++) await page.keyboard.press("ArrowRight");
    for (; at.column > to.column; at.column--) await page.keyboard.press("ArrowLeft");
    await expect(cell(target)).toBeFocused();
    await page.keyboard.press(click % 2 === 0 ? "Enter" : "Space");
    await expect(grid.getByRole("button", { name: `${cellName(target)}, click ${click + 1}` })).toBeFocused();
  }
  // Cell 5 was clicked 2nd and 6th: it shows its last click.
  await expect(grid.getByRole("button", { name: `${cellName(5)}, click 6` })).toBeVisible();
  await expect(grid.getByRole("button", { name: /click 2$/ })).toHaveCount(0);

  // Tab leaves the grid at once (roving tab stop), past Undo and Clear, to Register.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await tabTo(page, page.getByRole("button", { name: "Register" }), 3);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/start\/confirm$/);
  await expect(page.getByRole("main")).toContainText("Row 1, column 6");

  await tabTo(page, page.getByRole("button", { name: "Confirm" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/start\/done$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your matrix password is set");
});

test("identity verification works with JavaScript turned off (or not yet loaded on a busy machine)", async ({
  browser,
  baseURL,
}) => {
  const customer = newCustomer();
  await createUser(customer);
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": "198.18.250.2" },
  });
  const page = await context.newPage();
  try {
    await page.goto(await startingGuideLink(customer.email));
    await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(customer.name);
    await page.getByRole("textbox", { name: "Contact telephone number", exact: true }).fill(customer.phone);
    // A plain form post: it carries the page's Origin only if the page's referrer policy lets it
    // (a no-referrer page sends "Origin: null", which the portal refuses as cross-origin).
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/start\/pattern$/);
    // The token stays out of the Referer: only the origin is sent, to the portal's own requests too.
    expect(await page.evaluate(() => document.referrer)).not.toContain("/start/");
  } finally {
    await context.close();
  }
});
