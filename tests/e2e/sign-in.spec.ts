import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { acceptTerms, onboard, PATTERN, readAnswer, signIn } from "./support/portal";

test("an onboarded customer signs in by reading the grid, accepts the terms once and reaches the dashboard", async ({
  page,
}) => {
  const customer = await onboard(page, PATTERN);

  await page.goto("/login");
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("table", { name: "Matrix" })).toBeVisible();
  await expectNoAxeViolations(page);
  const answer = await readAnswer(page, PATTERN);
  await page.reload();
  expect(await readAnswer(page, PATTERN)).toBe(answer); // reloading shows the same challenge
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(answer);
  await page.getByRole("button", { name: "Send" }).click();

  await expect(page).toHaveURL(/\/terms$/);
  await expectNoAxeViolations(page);
  const accept = page.getByRole("button", { name: "Accept" });
  await expect(accept).toBeDisabled();
  await page
    .getByRole("checkbox", {
      name: "Tick here to accept the terms and conditions then click on the accept button.",
      exact: true,
    })
    .check();
  await accept.click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(customer.name);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);

  // The second sign-in goes straight to the dashboard: the terms are asked only once.
  await signIn(page, customer.email, PATTERN);
  await expect(page).toHaveURL(/\/dashboard$/);
  // Times are the user's zone (Asia/Tokyo unless set), which the browser cannot know: they name it.
  const shownTime = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M GMT\+9$/;
  await expect(
    page.getByText(new RegExp(`${shownTime.source.slice(0, -1)} from 198\\.18\\.\\d+\\.\\d+$`)),
  ).toBeVisible();
  // The activity table (the sessions table beside it holds devices, not times).
  const activity = page
    .getByRole("table")
    .filter({ has: page.getByRole("columnheader", { name: "When", exact: true }) });
  const activityTimes = activity.locator("tbody tr td:first-child");
  await expect(activityTimes.first()).toHaveText(shownTime);
  for (const text of await activityTimes.allTextContents()) expect(text).toMatch(shownTime);
});

test("a wrong code and an unknown email fail the same way, on a fresh grid", async ({ page }) => {
  const customer = await onboard(page, PATTERN);
  const messages: string[] = [];
  for (const email of [customer.email, `nobody-${Date.now()}@example.com`]) {
    await page.goto("/login");
    await page.getByRole("textbox", { name: "Email address", exact: true }).fill(email);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("table", { name: "Matrix" })).toBeVisible();
    const wrong = (await readAnswer(page, PATTERN))
      .split("")
      .map((d) => String((Number(d) + 1) % 10))
      .join("");
    await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(wrong);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page).toHaveURL(/\/login\/challenge\?retry=1$/);
    messages.push((await page.getByRole("alert").first().textContent()) ?? "");
  }
  expect(messages[0]).toContain("didn't work");
  expect(messages[0]).toBe(messages[1]);
});

test("the language a customer chose while signed in is theirs at the next sign-in, in another browser", async ({
  page,
  browser,
  baseURL,
}) => {
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");

  // A browser that has never seen the portal, asking for English.
  const other = await browser.newContext({ baseURL, locale: "en-US" });
  const otherPage = await other.newPage();
  await signIn(otherPage, customer.email, PATTERN);
  await expect(otherPage).toHaveURL(/\/dashboard$/);
  await expect(otherPage.locator("html")).toHaveAttribute("lang", "ja");
  await expect(otherPage.getByRole("button", { name: "ログアウト", exact: true })).toBeVisible();
  await other.close();
});
