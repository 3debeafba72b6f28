import { expect, test } from "../e2e/support/test";
import { acceptTerms, actionIds, onboard, PATTERN, setClockOffset, signIn } from "../e2e/support/portal";
import { newClient } from "./support/http";

const SESSION_COOKIE = "authjs.session-token";
const MINUTE = 60_000;

test.afterEach(() => setClockOffset(0));

test("session cookies are httpOnly and SameSite; a cookie planted before sign-in is replaced, not adopted", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const customer = await onboard(page, PATTERN);
  await context.addCookies([
    { name: SESSION_COOKIE, value: "planted-by-an-attacker", url: new URL("/", page.url()).href },
  ]);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE)!;
  expect(session.value).not.toBe("planted-by-an-attacker");
  expect(session.value.length).toBeGreaterThan(100);
  // Every cookie that carries a secret (the language preference does not).
  for (const cookie of cookies.filter((c) => c.name !== "locale")) {
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(["Lax", "Strict"], cookie.name).toContain(cookie.sameSite);
  }
  // The planted value alone opens nothing, in a browser that holds nothing else.
  const stranger = await browser.newContext({ baseURL });
  await stranger.addCookies([
    { name: SESSION_COOKIE, value: "planted-by-an-attacker", url: new URL("/", page.url()).href },
  ]);
  const strangerPage = await stranger.newPage();
  await strangerPage.goto("/dashboard");
  await expect(strangerPage).toHaveURL(/\/login/);
  await stranger.close();
});

test("'End all sessions' ends the sessions on other devices at their next request", async ({
  page,
  browser,
  baseURL,
}) => {
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  const laptop = await (await browser.newContext({ baseURL })).newPage();
  await signIn(laptop, customer.email, PATTERN);
  await expect(laptop).toHaveURL(/\/dashboard$/);

  await page.getByRole("button", { name: "End all sessions" }).click();
  await expect(page).toHaveURL(/\/login/);
  await laptop.reload();
  await expect(laptop).toHaveURL(/\/login/);
  await expect(laptop.getByRole("textbox", { name: "Email address", exact: true })).toBeVisible();
  // Signing in again works as usual.
  await signIn(laptop, customer.email, PATTERN);
  await expect(laptop).toHaveURL(/\/dashboard$/);
  await laptop.context().close();
});

test("a session ends 12 hours after sign-in even when it is never idle", async ({ page }) => {
  test.slow();
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  // Active every 25 minutes (under the 30-minute idle limit) for 11 h 55 min.
  for (let minutes = 25; minutes <= 11 * 60 + 55; minutes += 25) {
    setClockOffset(minutes * MINUTE);
    await page.goto("/dashboard");
    await expect(page, `${minutes} minutes after sign-in`).toHaveURL(/\/dashboard$/);
  }
  setClockOffset(12 * 60 * MINUTE + 5 * MINUTE);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("every server action refuses a cross-origin POST with 403, as a form and as a fetch", async ({
  page,
  baseURL,
}) => {
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  const ids = new Set<string>();
  for (const path of ["/login", "/start/resend", "/dashboard", "/account/password", "/terms"]) {
    for (const id of actionIds(await (await page.request.get(path)).text())) ids.add(`${path} ${id}`);
  }
  expect(ids.size).toBeGreaterThanOrEqual(4);
  const forger = await newClient(baseURL!);
  const cookieHeader = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  for (const entry of ids) {
    const [path, id] = entry.split(" ") as [string, string];
    for (const origin of ["https://evil.example", "null"]) {
      const asForm = await forger.post(path, {
        multipart: { [`$ACTION_ID_${id}`]: "" },
        headers: { Origin: origin, Cookie: cookieHeader },
        maxRedirects: 0,
      });
      const asFetch = await forger.post(path, {
        headers: { Origin: origin, Cookie: cookieHeader, "Next-Action": id, Accept: "text/x-component" },
        data: "[]",
        maxRedirects: 0,
      });
      expect([asForm.status(), asFetch.status()], `${entry} from ${origin}`).toEqual([403, 403]);
    }
  }
  // The victim is still signed in: nothing above signed them out.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await forger.dispose();
});

test("signing out ends the token itself: a copy of the cookie in another browser is signed out at its next request", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  const stolen = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE)!;
  const copy = await browser.newContext({ baseURL });
  await copy.addCookies([stolen]);
  const thief = await copy.newPage();
  await thief.goto("/dashboard");
  await expect(thief).toHaveURL(/\/dashboard$/);

  await page.getByRole("main").getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await thief.goto("/dashboard");
  await expect(thief).toHaveURL(/\/login/);
  // The copy stays refused even when sent again by hand, cookie and all.
  await copy.addCookies([stolen]);
  await thief.goto("/dashboard");
  await expect(thief).toHaveURL(/\/login/);
  await copy.close();
});

test("the dashboard lists both sessions; 'End session' on the other one signs that browser out", async ({
  page,
  browser,
  baseURL,
}) => {
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  const laptop = await (await browser.newContext({ baseURL })).newPage();
  await signIn(laptop, customer.email, PATTERN);
  await expect(laptop).toHaveURL(/\/dashboard$/);

  await page.goto("/dashboard");
  const sessions = page.getByRole("table", { name: "Signed-in sessions" });
  await expect(page.getByRole("heading", { level: 2, name: "Your sessions" })).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(3); // header + two sessions
  await expect(sessions.getByText("This device")).toHaveCount(1);
  const end = sessions.getByRole("button", { name: "End session", exact: true });
  await expect(end).toHaveCount(1);
  await expect(end).toHaveAccessibleDescription(/ on /); // the row's device, e.g. "Chrome on Linux"
  await end.click();
  await expect(page).toHaveURL(/\/dashboard\?session=ended/);
  await expect(page.getByRole("status").filter({ hasText: "The session has ended." })).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(2);

  await laptop.goto("/dashboard");
  await expect(laptop).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/); // this device goes on
  await laptop.context().close();
});
