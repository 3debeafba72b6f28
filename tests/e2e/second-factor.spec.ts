import { generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import type { Browser, Page } from "@playwright/test";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { e2eSettings } from "./support/app-env";
import { checkInBothLanguages, setLocaleCookie } from "./support/people";
import { expectNoAxeViolations } from "./support/axe";
import { expect, newClientContext, test } from "./support/test";
import { acceptTerms, emailsTo, onboard, onboardOperator, PATTERN, setClockOffset, signIn } from "./support/portal";

const run = promisify(execFile);
const { appEnv } = e2eSettings();

/** Turns on an authenticator app for `email` (tests/e2e/support/authenticator-cli.ts): its key and recovery codes. */
async function withAuthenticatorApp(email: string): Promise<{ secret: Uint8Array; recoveryCodes: string[] }> {
  const args = ["node_modules/.bin/tsx", "tests/e2e/support/authenticator-cli.ts", email];
  const { stdout } = await run("node", args, { env: { ...process.env, ...appEnv } });
  // The app's own log lines (mail) may follow: the answer is the line that starts it.
  const line = stdout.split("\n").find((text) => text.startsWith('{"secret"'))!;
  const { secret, recoveryCodes } = JSON.parse(line) as { secret: string; recoveryCodes: string[] };
  return { secret: decodeBase32IgnorePadding(secret), recoveryCodes };
}

/** The code an app shows one step after now on the server's clock (now's step went to the setup). */
const nextCode = (secret: Uint8Array, clockOffset = 0) =>
  generateHOTP(secret, BigInt(Math.floor((Date.now() + clockOffset) / 30_000) + 1), 6);

test.afterEach(() => setClockOffset(0));

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  return (await newClientContext(browser, baseURL)).newPage();
}

test("a customer with an authenticator app signs in with its code, once; then with a recovery code, once", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  const { secret, recoveryCodes } = await withAuthenticatorApp(customer.email);

  const first = await freshPage(browser, baseURL);
  await signIn(first, customer.email, PATTERN);
  await expect(first).toHaveURL(/\/login\/second-factor$/);
  const code = nextCode(secret);
  await first.getByRole("textbox", { name: "Authentication code", exact: true }).fill(code);
  await first.getByRole("button", { name: "Verify" }).click();
  await expect(first).toHaveURL(/\/dashboard$/);

  // The same code is refused at the next sign-in (replayed TOTP), and the step stays open.
  const second = await freshPage(browser, baseURL);
  await signIn(second, customer.email, PATTERN);
  await second.getByRole("textbox", { name: "Authentication code", exact: true }).fill(code);
  await second.getByRole("button", { name: "Verify" }).click();
  await expect(second).toHaveURL(/\/login\/second-factor\?retry=1$/);
  await expect(second.getByText("That code did not work")).toBeVisible();
  // Both forms of the step, with the error shown, in English and Japanese: axe at 1280 and 320 px, no sideways scroll.
  const problems: string[] = [];
  for (const path of ["/login/second-factor?retry=1", "/login/second-factor?method=recovery&retry=1"])
    await checkInBothLanguages(second, baseURL, path, problems, () => second.goto(path));
  expect(problems).toEqual([]);
  await setLocaleCookie(second.context(), baseURL, "en");
  await second.goto("/login/second-factor");

  await second.getByRole("link", { name: "Use a recovery code" }).click();
  await second.getByRole("textbox", { name: "Recovery code", exact: true }).fill(recoveryCodes[0]!);
  await second.getByRole("button", { name: "Verify" }).click();
  await expect(second).toHaveURL(/\/dashboard$/);

  const third = await freshPage(browser, baseURL);
  await signIn(third, customer.email, PATTERN);
  await third.getByRole("link", { name: "Use a recovery code" }).click();
  await third.getByRole("textbox", { name: "Recovery code", exact: true }).fill(recoveryCodes[0]!);
  await third.getByRole("button", { name: "Verify" }).click();
  await expect(third).toHaveURL(/\/login\/second-factor\?method=recovery&retry=1$/);
  if (process.env.SECOND_FACTOR_SHOTS)
    await third.screenshot({ path: `${process.env.SECOND_FACTOR_SHOTS}/recovery.png` });
});

test("an operator resets a customer's second factors: the customer's session ends and the matrix alone signs in again", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const customerPage = await freshPage(browser, baseURL);
  const customer = await onboard(customerPage, PATTERN);
  const { secret } = await withAuthenticatorApp(customer.email);
  await signIn(customerPage, customer.email, PATTERN);
  await customerPage.getByRole("textbox", { name: "Authentication code", exact: true }).fill(nextCode(secret));
  await customerPage.getByRole("button", { name: "Verify" }).click();
  await acceptTerms(customerPage);

  const operator = await onboardOperator(page);
  await signIn(page, operator.email, PATTERN);
  await acceptTerms(page);
  await page.goto(`/admin/users?q=${encodeURIComponent(customer.email)}`);
  await page.getByRole("table", { name: "Users" }).getByRole("link").click();
  const methods = page.getByRole("region", { name: "Sign-in methods" });
  await expect(methods.getByRole("heading", { name: "Sign-in methods" })).toBeVisible();
  await expect(methods).toContainText("Authenticator appOn");
  await expect(methods).toContainText("10 unused");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Reset second factors" }).click();
  await page.getByRole("button", { name: "Yes, reset second factors" }).click();
  await expect(page.getByText("The second factors are reset")).toBeVisible();
  await expect(methods).toContainText("Authenticator appOff");
  await expect(page.getByRole("link", { name: "Reset second factors" })).toHaveCount(0);

  // The customer's browser was signed out; the next sign-in takes the matrix alone.
  await customerPage.goto("/dashboard");
  await expect(customerPage).toHaveURL(/\/login/);
  await signIn(customerPage, customer.email, PATTERN);
  await expect(customerPage).toHaveURL(/\/dashboard$/);
  await expect
    .poll(async () => (await emailsTo(customer.email)).map((email) => email.subject).join("\n"))
    .toMatch(/Your second factors were reset/);

  // The operator then requires a second factor of this customer: their next page is its setup.
  await methods.getByRole("combobox", { name: "Requirement for this user" }).selectOption("required");
  await methods.getByRole("button", { name: "Save requirement" }).click();
  await expect(page.getByText("The second-factor requirement is saved.")).toBeVisible();
  await expect(methods).toContainText("Second factorRequired");
  if (process.env.PEOPLE_SHOTS)
    await page.screenshot({ path: `${process.env.PEOPLE_SHOTS}/admin-user-methods.png`, fullPage: true });
  await customerPage.goto("/dashboard");
  await expect(customerPage).toHaveURL(/\/account\/authenticator$/);
});

test("the matrix-passed state ends after 5 minutes, and a used one cannot be replayed from another browser", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const customer = await onboard(page, PATTERN);
  const { secret, recoveryCodes } = await withAuthenticatorApp(customer.email);

  // 5 minutes and a second after the matrix, even the right code starts the sign-in over.
  await signIn(page, customer.email, PATTERN);
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  setClockOffset(5 * 60_000 + 1_000);
  await page
    .getByRole("textbox", { name: "Authentication code", exact: true })
    .fill(nextCode(secret, 5 * 60_000 + 1_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/login\?error=second-step$/);
  await expect(page.getByText("Your sign-in was not finished in time, or it ended.")).toBeVisible();
  setClockOffset(0);

  // A finished second step's cookie, copied to another browser, opens nothing.
  await signIn(page, customer.email, PATTERN);
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  const pendingCookie = (await page.context().cookies()).find((cookie) => cookie.name === "login_second_factor")!;
  expect(pendingCookie).toBeDefined();
  await page.getByRole("link", { name: "Use a recovery code" }).click();
  await page.getByRole("textbox", { name: "Recovery code", exact: true }).fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/terms$/);
  const replay = await newClientContext(browser, baseURL);
  await replay.addCookies([pendingCookie]);
  const replayPage = await replay.newPage();
  await replayPage.goto("/login/second-factor");
  await expect(replayPage).toHaveURL(/\/login\?error=second-step$/);
  await replay.close();
});
