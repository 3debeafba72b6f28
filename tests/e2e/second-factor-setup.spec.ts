import { generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { checkInBothLanguages, contextWithoutJavaScript, setLocaleCookie } from "./support/people";
import {
  acceptTerms,
  emailsTo,
  onboard,
  onboardOperator,
  PATTERN,
  readAnswer,
  setClockOffset,
  signIn,
  TERMS_CHECKBOX,
} from "./support/portal";
import { expect, newClientContext, test } from "./support/test";

const MINUTE = 60_000;
test.afterEach(() => setClockOffset(0));

/** The code the app would show for the key on the setup page, on the server's clock (`clockOffset` ahead). */
async function codeFromSetupKey(page: Page, clockOffset: number): Promise<string> {
  const key = await page.getByRole("textbox", { name: "Setup key", exact: true }).inputValue();
  return generateHOTP(decodeBase32IgnorePadding(key), BigInt(Math.floor((Date.now() + clockOffset) / 30_000)), 6);
}

/** Scans (reads the key), types a wrong code and then the right one, and returns the recovery codes shown. */
async function turnOnApp(page: Page, clockOffset = 0): Promise<string[]> {
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Setup key", exact: true })).toHaveAttribute("readonly", "");
  const code = await codeFromSetupKey(page, clockOffset);
  const field = page.getByRole("textbox", { name: "Authentication code", exact: true });
  await field.fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("That code did not work.")).toBeVisible();
  await field.fill(code);
  await page.getByRole("button", { name: "Turn on" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  return list.getByRole("listitem").allTextContents();
}

test("an operator under the default policy sets up an authenticator app before any other page, then reaches /admin", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const operator = await onboardOperator(page, "inherit");
  await page.goto("/login?next=%2Fadmin");
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(operator.email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/login\/challenge/);
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(await readAnswer(page, PATTERN));
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("checkbox", { name: TERMS_CHECKBOX }).check();
  await page.getByRole("button", { name: "Accept" }).click();

  // After the terms, the setup comes first, and keeps where the operator was going.
  await expect(page).toHaveURL(/\/account\/authenticator\?next=%2Fadmin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up an authenticator app" })).toBeVisible();
  for (const path of ["/admin/users", "/dashboard", "/account/password"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/account\/authenticator/);
  }
  await page.goto("/account/authenticator?next=%2Fadmin");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  // The setup's page (QR code, key, code field) in both languages: axe at 1280 and 320 px, no sideways scroll.
  const problems: string[] = [];
  const setupPath = "/account/authenticator?next=%2Fadmin";
  await checkInBothLanguages(page, baseURL, setupPath, problems, () => page.goto(setupPath));
  expect(problems).toEqual([]);
  await setLocaleCookie(page.context(), baseURL, "en");
  await page.goto(setupPath);

  const recoveryCodes = await turnOnApp(page);
  expect(new Set(recoveryCodes).size).toBe(10);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect
    .poll(async () => (await emailsTo(operator.email)).map((email) => email.subject).join("\n"))
    .toMatch(/authenticator app/i);

  // Under the policy it is the operator's only second factor: it cannot be turned off.
  await page.goto("/dashboard");
  const methods = page.getByRole("region", { name: "Sign-in methods" });
  await expect(methods.getByText("On: sign-in asks for a code from your app.")).toBeVisible();
  await expect(methods.getByRole("button", { name: "Turn off the authenticator app" })).toHaveCount(0);
  await expect(methods.getByText("10 unused recovery codes.")).toBeVisible();

  // Regenerated codes replace the first ones: an old code no longer signs in, a new one does.
  await methods.getByRole("button", { name: "Regenerate recovery codes" }).click();
  const freshItems = methods.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(freshItems).toHaveCount(10);
  const fresh = await freshItems.allTextContents();
  expect(fresh.filter((code) => recoveryCodes.includes(code))).toEqual([]);
  await expectNoAxeViolations(page);

  const other = await newClientContext(page.context().browser()!, baseURL);
  const next = await other.newPage();
  await signIn(next, operator.email, PATTERN);
  await next.getByRole("link", { name: "Use a recovery code" }).click();
  await next.getByRole("textbox", { name: "Recovery code", exact: true }).fill(recoveryCodes[0]!);
  await next.getByRole("button", { name: "Verify" }).click();
  await expect(next).toHaveURL(/retry=1$/);
  await next.getByRole("textbox", { name: "Recovery code", exact: true }).fill(fresh[0]!);
  await next.getByRole("button", { name: "Verify" }).click();
  await expect(next).toHaveURL(/\/dashboard$/);
  await other.close();
});

test("a customer adds an authenticator app from the dashboard after confirming it's them, and turns it off", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  const methods = page.getByRole("region", { name: "Sign-in methods" });
  await expect(methods.getByText("Off.")).toBeVisible();

  // 16 minutes on, adding a method asks for the matrix again, then goes on to the setup.
  setClockOffset(16 * MINUTE);
  await page.reload();
  await methods.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page).toHaveURL(/\/account\/reauth\?next=%2Faccount%2Fauthenticator$/);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(await readAnswer(page, PATTERN));
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/account\/authenticator$/);
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await turnOnApp(page, 16 * MINUTE);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(methods.getByText("On: sign-in asks for a code from your app.")).toBeVisible();

  await methods.getByRole("button", { name: "Turn off the authenticator app" }).click();
  await expect(page).toHaveURL(/\/dashboard\?methods=app-off#sign-in-methods$/);
  await expect(methods.getByText("The authenticator app is off.")).toBeVisible();
  await expect(methods.getByText("Recovery codes come with your first second sign-in method.")).toBeVisible();
});

test("without JavaScript a customer sets up an authenticator app, regenerates the recovery codes and signs in with a code", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const customer = await onboard(page, PATTERN);
  const context = await contextWithoutJavaScript(browser, baseURL);
  const noJs = await context.newPage();
  try {
    await signIn(noJs, customer.email, PATTERN);
    await acceptTerms(noJs);
    const methods = noJs.getByRole("region", { name: "Sign-in methods" });
    await expect(methods.getByText("Adding a passkey needs JavaScript.")).toBeAttached();
    await methods.getByRole("button", { name: "Set up an authenticator app" }).click();
    await expect(noJs).toHaveURL(/\/account\/authenticator$/);
    const key = await noJs.getByRole("textbox", { name: "Setup key", exact: true }).inputValue();
    await turnOnApp(noJs);
    await noJs.getByRole("link", { name: "Continue" }).click();
    await expect(noJs).toHaveURL(/\/dashboard$/);
    await methods.getByRole("button", { name: "Regenerate recovery codes" }).click();
    await expect(methods.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await noJs.getByRole("main").getByRole("button", { name: "Sign out", exact: true }).click();

    await signIn(noJs, customer.email, PATTERN);
    await expect(noJs).toHaveURL(/\/login\/second-factor$/);
    await expect(noJs.getByRole("button", { name: "Use a passkey" })).toHaveCount(0);
    const secret = decodeBase32IgnorePadding(key);
    // The step after the one the setup used.
    const code = generateHOTP(secret, BigInt(Math.floor(Date.now() / 30_000) + 1), 6);
    await noJs.getByRole("textbox", { name: "Authentication code", exact: true }).fill(code);
    await noJs.getByRole("button", { name: "Verify" }).click();
    await expect(noJs).toHaveURL(/\/dashboard$/);
  } finally {
    await context.close();
  }
});
