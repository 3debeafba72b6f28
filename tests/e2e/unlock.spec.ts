import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { attemptSignIn, readPortalForms } from "../security/support/sign-in-http";
import { e2eSettings } from "./support/app-env";
import { expectNoAxeViolations } from "./support/axe";
import { expect, test } from "./support/test";
import { acceptTerms, emailsTo, onboard, PATTERN, setClockOffset, signIn } from "./support/portal";

const run = promisify(execFile);
const { appEnv } = e2eSettings();
const MINUTE = 60_000;

test.afterEach(() => setClockOffset(0));

/**
 * The newest unlock link emailed to the address (through the fake Resend API). It goes out after
 * the twenty timed-lock emails before it, at Resend's pace of 2 requests a second, so on a busy
 * machine it can take more than 15 seconds to arrive.
 */
async function unlockLink(address: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () =>
        (link = (await emailsTo(address))
          .map((email) => email.text.match(/https?:\/\/\S+\/unlock\/[A-Za-z0-9_-]{43}/)?.[0])
          .find(Boolean)),
      { timeout: 45_000 },
    )
    .toBeTruthy();
  return link!;
}

test("the owner of an account locked for good unlocks it from the emailed link and signs in", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(5 * 60_000);
  const customer = await onboard(page, PATTERN);
  const forms = await readPortalForms(baseURL!, customer.email);
  // 100 consecutive wrong codes, the clock moved past each timed lock as a patient attacker waits.
  let offset = 0;
  for (let i = 1; i <= 100; i++) {
    await attemptSignIn(baseURL!, forms, customer.email, PATTERN, false);
    if (i % 5 === 0) setClockOffset((offset += 16 * MINUTE));
  }
  const lockedShape = await attemptSignIn(baseURL!, forms, customer.email, PATTERN, true);
  expect(JSON.parse(lockedShape).location).toBe("/login/challenge?retry=1");
  const link = await unlockLink(customer.email);

  // The link's page in Japanese, opened (and only read) by another browser first.
  const japanese = await browser.newContext({ baseURL, locale: "ja-JP" });
  const jaPage = await japanese.newPage();
  await jaPage.goto(link);
  await expect(jaPage.getByRole("heading", { level: 1, name: "アカウントのロックを解除" })).toBeVisible();
  await expect(jaPage.getByRole("button", { name: "アカウントのロックを解除" })).toBeVisible();
  await jaPage.screenshot({ path: test.info().outputPath("unlock-ja.png"), fullPage: true });
  await japanese.close();

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Unlock your account" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath("unlock-en.png"), fullPage: true });
  // A wrong identity first: refused under the form, the link still works.
  await page.getByRole("textbox", { name: "Email address" }).fill(customer.email);
  await page.getByRole("textbox", { name: "Name" }).fill("Someone Else");
  await page.getByRole("textbox", { name: "Contact telephone number" }).fill(customer.phone);
  await page.getByRole("button", { name: "Unlock account" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "These details don't match what was registered." }),
  ).toBeVisible();
  await page.getByRole("textbox", { name: "Name" }).fill(customer.name);
  await page.getByRole("button", { name: "Unlock account" }).click();

  await expect(page).toHaveURL(/\/unlock\/done$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account is unlocked" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath("unlock-done-en.png"), fullPage: true });
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);

  // The link was used up: opening it again says so and changes nothing.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This unlock link can no longer be used" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unlock account" })).toHaveCount(0);
});

test("npm run user:unlock lifts a lock beside the running server", async ({ page, baseURL }) => {
  const customer = await onboard(page, PATTERN);
  const forms = await readPortalForms(baseURL!, customer.email);
  for (let i = 0; i < 5; i++) await attemptSignIn(baseURL!, forms, customer.email, PATTERN, false);
  expect(JSON.parse(await attemptSignIn(baseURL!, forms, customer.email, PATTERN, true)).location).toBe(
    "/login/challenge?retry=1",
  );

  const { stdout } = await run("node", ["node_modules/.bin/tsx", "scripts/user-unlock.ts", "--email", customer.email], {
    env: { ...process.env, ...appEnv },
  });
  expect(stdout).toContain(`Unlocked ${customer.email}`);
  expect(JSON.parse(await attemptSignIn(baseURL!, forms, customer.email, PATTERN, true)).location).not.toContain(
    "retry",
  );
  await expect(
    run("node", ["node_modules/.bin/tsx", "scripts/user-unlock.ts", "--email", "nobody@example.com"], {
      env: { ...process.env, ...appEnv },
    }),
  ).rejects.toMatchObject({ code: 1 });
});
