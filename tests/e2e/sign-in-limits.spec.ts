import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import {
  acceptTerms,
  emailsTo,
  formActionId,
  gridDigits,
  onboard,
  PATTERN,
  readAnswer,
  setClockOffset,
  startChallenge,
  submitCode,
  wrongCode,
} from "./support/portal";

const FAILED = "That didn't work.";

test.afterEach(() => setClockOffset(0));

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
}

async function failureMessage(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/login\/challenge\?retry=1$/);
  const alert = page.getByRole("alert").filter({ hasText: FAILED });
  await expect(alert).toBeVisible();
  return (await alert.textContent()) ?? "";
}

test("a challenge answered correctly after its 5 minutes is refused with the generic failure", async ({ page }) => {
  const customer = await onboard(page, PATTERN);
  await startChallenge(page, customer.email);
  const answer = await readAnswer(page, PATTERN);
  const expiredGrid = await gridDigits(page);

  setClockOffset(6 * 60_000);
  await submitCode(page, answer);

  // The same words as a wrong code, on a fresh grid.
  expect(await failureMessage(page)).toContain("The one-time password was not correct, or this grid expired.");
  expect(await gridDigits(page)).toMatch(/^\d{48}$/);
  expect(await gridDigits(page)).not.toBe(expiredGrid);
  await expectSignedOut(page);
});

test("an answered challenge cannot be replayed from another browser", async ({ page, browser, baseURL }) => {
  const customer = await onboard(page, PATTERN);
  await startChallenge(page, customer.email);
  // What an attacker who copied the browser's cookies and watched the code being typed would hold.
  const loginCookies = (await page.context().cookies()).filter((cookie) => cookie.path === "/login");
  expect(loginCookies.map((cookie) => cookie.name)).toContain("login_challenge");
  // Reading the page again is harmless (a reload shows the same pending challenge).
  const answerActionId = formActionId(await (await page.request.get("/login/challenge")).text(), "answer");
  const answer = await readAnswer(page, PATTERN);

  await submitCode(page, answer);
  await acceptTerms(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  const attackerContext = await browser.newContext({ baseURL });
  try {
    await attackerContext.addCookies(loginCookies);
    const attacker = await attackerContext.newPage();

    // The answered challenge is no longer pending: its page sends the visitor back to /login.
    await attacker.goto("/login/challenge");
    await expect(attacker).toHaveURL(/\/login\?error=expired$/);

    // Replaying the answer form's POST with the old cookies does not sign in.
    await attackerContext.addCookies(loginCookies);
    const replay = await attacker.request.post("/login/challenge", {
      multipart: { [`$ACTION_ID_${answerActionId}`]: "", answer },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    // The action ran and took its failure path: a fresh grid with the generic message.
    expect(replay.status()).toBe(303);
    expect(replay.headers()["location"]).toBe("/login/challenge?retry=1");
    expect((await attackerContext.cookies()).map((cookie) => cookie.name)).not.toContain("authjs.session-token");
    await expectSignedOut(attacker);
  } finally {
    await attackerContext.close();
  }
});

test("five wrong codes lock the account: the right code then fails the same way, an email goes out, and a minute later it works", async ({
  page,
}) => {
  test.slow(); // seven sign-in attempts after an onboarding
  const customer = await onboard(page, PATTERN);
  await startChallenge(page, customer.email);

  const messages: string[] = [];
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitCode(page, wrongCode(await readAnswer(page, PATTERN)));
    messages.push(await failureMessage(page));
  }
  await expect
    .poll(async () => (await emailsTo(customer.email)).map((email) => email.subject), { timeout: 15_000 })
    .toContain("Your Matrix Portal account is locked for now");

  // Locked: the correct code is refused with the very same message, on a fresh grid.
  await submitCode(page, await readAnswer(page, PATTERN));
  messages.push(await failureMessage(page));
  expect(new Set(messages).size).toBe(1);
  await expectSignedOut(page);

  // Exactly one lock email, however many attempts hit the lock.
  const locked = (await emailsTo(customer.email)).filter(
    (email) => email.subject === "Your Matrix Portal account is locked for now",
  );
  expect(locked).toHaveLength(1);

  // The first lock lasts one minute.
  setClockOffset(61_000);
  await startChallenge(page, customer.email);
  await submitCode(page, await readAnswer(page, PATTERN));
  await expect(page).toHaveURL(/\/terms$/);
});

test("an unknown email gets a challenge page that looks the same as a known one", async ({ page }) => {
  const customer = await onboard(page, PATTERN);

  async function outline(email: string) {
    await page.context().clearCookies();
    await startChallenge(page, email);
    const table = page.getByRole("table", { name: "Matrix" });
    const otp = page.getByRole("textbox", { name: "One-time password", exact: true });
    return {
      url: page.url(),
      title: await page.title(),
      headings: await page.getByRole("heading").allTextContents(),
      rowHeaders: await table.getByRole("rowheader").allTextContents(),
      columnHeaders: await table.getByRole("columnheader").allTextContents(),
      digits: (await gridDigits(page)).replace(/\d/g, "#"),
      otp: await otp.evaluate((input: HTMLInputElement) => ({
        type: input.type,
        name: input.name,
        maxLength: input.maxLength,
        inputMode: input.inputMode,
        autocomplete: input.autocomplete,
        required: input.required,
        value: input.value,
      })),
      buttons: await page.getByRole("main").getByRole("button").allTextContents(),
      // The page as assistive technology reads it, with the digits masked.
      tree: (await page.getByRole("main").ariaSnapshot())
        .replace(/cell "\d"/g, 'cell "#"')
        .replace(/(row "Row \d+)(?: \d)+"/g, '$1 …"'),
      cookies: (await page.context().cookies())
        .filter((cookie) => cookie.path === "/login")
        .map(({ name, httpOnly, sameSite, secure, path }) => ({ name, httpOnly, sameSite, secure, path }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  const known = await outline(customer.email);
  const unknown = await outline(`nobody-${Date.now()}@example.com`);
  expect(known.rowHeaders).toHaveLength(4);
  expect(known.columnHeaders).toHaveLength(12);
  expect(known.digits).toBe("#".repeat(48));
  expect(unknown).toEqual(known);
});
