import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { PATTERN, TERMS_CHECKBOX, createUser, newCustomer, onboard, readAnswer, signIn, acceptTerms, startingGuideLink } from "./support/portal";
import { expect, test } from "./support/test";

/*
 * People, not just code paths: every page passes axe in both languages, reflows at 320 CSS px
 * (WCAG 1.4.10) without sideways scrolling, sign-in works without JavaScript and by keyboard alone.
 */

type Locale = "en" | "ja";
const DESKTOP = { width: 1280, height: 720 };

async function setLocaleCookie(context: BrowserContext, baseURL: string | undefined, locale: Locale): Promise<void> {
  await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
}

/** Elements sticking out past the right edge at the current width, for the failure message. */
async function overflowAt320(page: Page): Promise<string | null> {
  await page.setViewportSize({ width: 320, height: 800 });
  const result = await page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    if (width <= 320) return null;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > 320.5)
      .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= 320.5)
      .slice(0, 5)
      .map((element) => {
        const id = element.id ? `#${element.id}` : "";
        const cls = typeof element.className === "string" && element.className ? `.${element.className.trim().split(/\s+/).slice(0, 4).join(".")}` : "";
        return `${element.tagName.toLowerCase()}${id}${cls} (right ${Math.round(element.getBoundingClientRect().right)}px) "${(element.textContent ?? "").trim().slice(0, 40)}"`;
      });
    return `scrollWidth ${width}px; ${culprits.join("; ")}`;
  });
  await page.setViewportSize(DESKTOP);
  return result;
}

/**
 * Checks the page on screen with axe and at 320 px, collecting problems instead of stopping at
 * the first, so one run reports every page that fails.
 */
async function checkPage(page: Page, label: string, problems: string[], options: { axe?: boolean } = {}): Promise<void> {
  await page.waitForLoadState("load");
  if (options.axe !== false) {
    await expectNoAxeViolations(page).catch((error: Error) => {
      const message = error.message.replace(/\u001b\[[0-9;]*m/g, "");
      const violations = message.split("\n").filter((line) => /^\s*[-+]\s+"/.test(line));
      problems.push(`${label} axe: ${violations.length > 0 ? violations.join(" | ") : message}`);
    });
  }
  const overflow = await overflowAt320(page);
  if (overflow) problems.push(`${label} overflows at 320px: ${overflow}`);
}

/** The first submit button of the page's main form (the names differ by language). */
const submitIn = (page: Page) => page.locator('main form button[type="submit"]').first();

async function digitsOnScreen(page: Page): Promise<string> {
  const digits = (await page.locator("main table tbody td").allTextContents()).map((text) => text.trim()).join("");
  expect(digits).toMatch(/^\d{48}$/);
  return digits;
}

async function signInByFieldIds(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await submitIn(page).click();
  await expect(page).toHaveURL(/\/login\/challenge/);
  const digits = await digitsOnScreen(page);
  await page.locator("#answer").fill(PATTERN.map((cell) => digits[cell]).join(""));
  await submitIn(page).click();
}

for (const locale of ["en", "ja"] as const) {
  test(`public pages pass axe and reflow at 320px (${locale})`, async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await setLocaleCookie(context, baseURL, locale);
    const problems: string[] = [];
    for (const path of ["/", "/login", "/faq", "/start/resend", "/terms"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", new RegExp(`^${locale}`));
      await checkPage(page, `${locale} ${path}`, problems);
    }
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await checkPage(page, `${locale} 404`, problems);

    await page.goto("/login");
    await page.locator("#email").fill(newCustomer().email);
    await submitIn(page).click();
    await expect(page).toHaveURL(/\/login\/challenge/);
    await expect(page.locator("#answer")).toHaveAttribute("inputmode", "numeric");
    await checkPage(page, `${locale} /login/challenge`, problems);

    const customer = newCustomer();
    await createUser(customer);
    await page.goto(await startingGuideLink(customer.email));
    await checkPage(page, `${locale} starting-guide link page`, problems);
    await page.locator("#email").fill(customer.email);
    await page.locator("#name").fill(customer.name);
    await page.locator("#phone").fill(customer.phone);
    await submitIn(page).click();
    await expect(page).toHaveURL(/\/start\/pattern$/);
    await checkPage(page, `${locale} /start/pattern`, problems);

    expect(problems).toEqual([]);
  });

  test(`signed-in pages pass axe and reflow at 320px (${locale})`, async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await setLocaleCookie(context, baseURL, "en");
    const customer = await onboard(page, PATTERN);
    await setLocaleCookie(context, baseURL, locale);
    const problems: string[] = [];
    await signInByFieldIds(page, customer.email);
    await expect(page).toHaveURL(/\/terms$/);
    await expect(page.locator("#accept")).toBeVisible();
    await checkPage(page, `${locale} /terms (accept form)`, problems);
    await page.locator("#accept").check();
    await submitIn(page).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await checkPage(page, `${locale} /dashboard`, problems);
    await page.goto("/account/password");
    await expect(page).toHaveURL(/\/account\/password$/);
    await checkPage(page, `${locale} /account/password`, problems);
    expect(problems).toEqual([]);
  });
}

test("the one-time-password field brings up a numeric keypad", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email address" }).fill(newCustomer().email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/login\/challenge/);
  await expect(page.getByRole("textbox", { name: "One-time password" })).toHaveAttribute("inputmode", "numeric");
});

async function contextWithoutJavaScript(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": "198.18.250.1" } });
  await setLocaleCookie(context, baseURL, "en");
  return context;
}

test("a customer signs in, accepts the terms and signs out with JavaScript turned off", async ({ page, browser, baseURL }) => {
  const customer = await onboard(page, PATTERN);
  const context = await contextWithoutJavaScript(browser, baseURL);
  const noJs = await context.newPage();
  try {
    await test.step("email → Send → challenge", async () => {
      await noJs.goto("/login");
      await noJs.getByRole("textbox", { name: "Email address" }).fill(customer.email);
      await noJs.getByRole("button", { name: "Send" }).click();
      // A form post without JavaScript is a navigation: it carries the real Origin only because
      // the portal's Referrer-Policy is same-origin (no-referrer would send "Origin: null").
      await expect(noJs).toHaveURL(/\/login\/challenge/);
    });
    await test.step("read the table → type the code → Send → /terms", async () => {
      await noJs.getByRole("textbox", { name: "One-time password" }).fill(await readAnswer(noJs, PATTERN));
      await noJs.getByRole("button", { name: "Send" }).click();
      await expect(noJs).toHaveURL(/\/terms$/);
    });
    await test.step("tick → Accept → /dashboard", async () => {
      await noJs.getByRole("checkbox", { name: TERMS_CHECKBOX }).check();
      await noJs.getByRole("button", { name: "Accept" }).click();
      await expect(noJs).toHaveURL(/\/dashboard$/);
    });
    await test.step("Sign out → /login", async () => {
      await noJs.getByRole("main").getByRole("button", { name: "Sign out" }).click();
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
    await tabTo(keyboard.getByRole("textbox", { name: "Email address" }));
    await keyboard.keyboard.type(customer.email);
    await keyboard.keyboard.press("Enter");
    await expect(keyboard).toHaveURL(/\/login\/challenge/);
    const code = await readAnswer(keyboard, PATTERN);
    const answer = keyboard.getByRole("textbox", { name: "One-time password" });
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
  for (const [locale, title] of [["en", "There is a problem"], ["ja", "入力内容をご確認ください"]] as const) {
    await setLocaleCookie(context, baseURL, locale);
    await page.goto("/start/resend");
    await expect(page.locator("main form").getByRole("alert").filter({ hasText: title })).toHaveCount(0);
    await page.locator("#email").fill("not-an-email");
    await submitIn(page).click();
    const summary = page.locator("main form").getByRole("alert").filter({ has: page.getByRole("heading", { name: title }) });
    await expect(summary).toBeVisible();
    const link = summary.getByRole("link");
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute("href", "#email");
    await expect(link).toContainText(`${await page.locator('label[for="email"]').evaluate((label) => label.firstChild?.textContent ?? "")}: `);
    await expectNoAxeViolations(page);
    await link.press("Enter");
    await expect(page.locator("#email")).toBeFocused();
  }
});
