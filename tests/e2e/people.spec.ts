import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { contextWithoutJavaScript, setLocaleCookie } from "./support/people";
import { PATTERN, TERMS_CHECKBOX, newCustomer, onboard, readAnswer, signIn, acceptTerms } from "./support/portal";
import { expect, test } from "./support/test";

/*
 * People, not just code paths: sign-in works without JavaScript and by keyboard alone, and a
 * refused form says what is wrong where people look. (Every page's axe and 320 px checks, in
 * both languages, are in people-pages.spec.ts.)
 */

/** The first submit button of the page's main form (the names differ by language). */
const submitIn = (page: Page) => page.locator('main form button[type="submit"]').first();

test("the one-time-password field brings up a numeric keypad", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(newCustomer().email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/login\/challenge/);
  await expect(page.getByRole("textbox", { name: "One-time password", exact: true })).toHaveAttribute(
    "inputmode",
    "numeric",
  );
});

test("a customer signs in, accepts the terms and signs out with JavaScript turned off", async ({
  page,
  browser,
  baseURL,
}) => {
  const customer = await onboard(page, PATTERN);
  const context = await contextWithoutJavaScript(browser, baseURL);
  const noJs = await context.newPage();
  try {
    await test.step("email → Send → challenge", async () => {
      await noJs.goto("/login");
      await noJs.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
      await noJs.getByRole("button", { name: "Send" }).click();
      // A form post without JavaScript is a navigation: it carries the real Origin only because
      // the portal's Referrer-Policy is same-origin (no-referrer would send "Origin: null").
      await expect(noJs).toHaveURL(/\/login\/challenge/);
    });
    await test.step("read the table → type the code → Send → /terms", async () => {
      await noJs.getByRole("textbox", { name: "One-time password", exact: true }).fill(await readAnswer(noJs, PATTERN));
      await noJs.getByRole("button", { name: "Send" }).click();
      await expect(noJs).toHaveURL(/\/terms$/);
    });
    await test.step("tick → Accept → /dashboard", async () => {
      await noJs.getByRole("checkbox", { name: TERMS_CHECKBOX }).check();
      await noJs.getByRole("button", { name: "Accept" }).click();
      await expect(noJs).toHaveURL(/\/dashboard$/);
    });
    await test.step("Sign out → /login", async () => {
      await noJs.getByRole("main").getByRole("button", { name: "Sign out", exact: true }).click();
      await expect(noJs).toHaveURL(/\/login\?error=signed-out$/);
      await noJs.goto("/dashboard");
      await expect(noJs).toHaveURL(/\/login/);
    });
  } finally {
    await context.close();
  }
});

test("a customer signs in with the keyboard alone", async ({ page, browser, baseURL }) => {
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "198.18.250.2" } });
  await setLocaleCookie(context, baseURL, "en");
  const keyboard = await context.newPage();
  const tabTo = async (target: ReturnType<Page["locator"]>, limit = 30) => {
    for (let presses = 0; presses < limit; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await keyboard.keyboard.press("Tab");
    }
    throw new Error(`could not reach the field in ${limit} Tab presses`);
  };
  try {
    await keyboard.goto("/login");
    await tabTo(keyboard.getByRole("textbox", { name: "Email address", exact: true }));
    await keyboard.keyboard.type(customer.email);
    await keyboard.keyboard.press("Enter");
    await expect(keyboard).toHaveURL(/\/login\/challenge/);
    const code = await readAnswer(keyboard, PATTERN);
    const answer = keyboard.getByRole("textbox", { name: "One-time password", exact: true });
    await expect.soft(answer).toBeFocused(); // autofocus: the customer can type straight away
    await tabTo(answer);
    await keyboard.keyboard.type(code);
    await keyboard.keyboard.press("Enter");
    await expect(keyboard).toHaveURL(/\/dashboard$/);
  } finally {
    await context.close();
  }
});

test("a refused form lists its errors at the top, linked to the fields", async ({ page, context, baseURL }) => {
  for (const [locale, title] of [
    ["en", "There is a problem"],
    ["ja", "入力内容をご確認ください"],
  ] as const) {
    await setLocaleCookie(context, baseURL, locale);
    await page.goto("/start/resend");
    await expect(page.locator("main form").getByRole("alert").filter({ hasText: title })).toHaveCount(0);
    await page.locator("#email").fill("not-an-email");
    await submitIn(page).click();
    const summary = page
      .locator("main form")
      .getByRole("alert")
      .filter({ has: page.getByRole("heading", { name: title }) });
    await expect(summary).toBeVisible();
    const link = summary.getByRole("link");
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute("href", "#email");
    await expect(link).toContainText(
      `${await page.locator('label[for="email"]').evaluate((label) => label.firstChild?.textContent ?? "")}: `,
    );
    await expectNoAxeViolations(page);
    await link.press("Enter");
    await expect(page.locator("#email")).toBeFocused();
  }
});
