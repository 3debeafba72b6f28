import { readFileSync } from "node:fs";
import { expect, test } from "../e2e/support/test";
import { e2eSettings } from "../e2e/support/app-env";
import {
  acceptTerms,
  clickCells,
  createUser,
  newCustomer,
  PATTERN,
  readAnswer,
  startingGuideLink,
  submitCode,
} from "../e2e/support/portal";
import { contains, leaksOf, recordTraffic } from "./support/recorder";
import { signedInOperator } from "./support/operator";

const NEW_PATTERN = [13, 2, 26, 39, 21, 44, 9, 30, 2];
const { serverLog } = e2eSettings();

test("no token, challenge id, session, code, pattern or key reaches a URL after the first, a Referer, a response, the audit log or the server log", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  test.slow();
  const traffic = recordTraffic(context);
  const secrets: Record<string, string> = {
    "auth secret": process.env.E2E_AUTH_SECRET!,
    "pattern key": process.env.E2E_PATTERN_KEY!,
  };
  const cookie = async (name: string) => (await context.cookies()).find((c) => c.name === name)?.value;

  // Onboarding: the starting-guide link is the one URL that carries the token.
  const customer = newCustomer();
  await createUser(customer);
  const link = await startingGuideLink(customer.email);
  secrets["starting-guide token"] = link.split("/start/")[1]!;
  await page.goto(link);
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(customer.name);
  await page.getByRole("textbox", { name: "Contact telephone number", exact: true }).fill(customer.phone);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/start\/pattern$/);
  secrets["onboarding session id"] = (await cookie("onboarding"))!;
  await clickCells(page, PATTERN);
  await page.getByRole("button", { name: "Register" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/start\/done$/);

  // Sign-in: a wrong code, then the right one.
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("table", { name: "Matrix" })).toBeVisible();
  secrets["first challenge id"] = (await cookie("login_challenge"))!;
  await submitCode(page, "00000000");
  await expect(page).toHaveURL(/retry=1$/);
  secrets["second challenge id"] = (await cookie("login_challenge"))!;
  secrets["sign-in code"] = await readAnswer(page, PATTERN);
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(secrets["sign-in code"]);
  await page.getByRole("button", { name: "Send" }).click();
  await acceptTerms(page);
  secrets["session cookie"] = (await cookie("authjs.session-token"))!;

  // Changing the matrix password: a re-authentication challenge, then a new pattern.
  await page.getByRole("link", { name: "Change matrix password" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("table", { name: "Matrix" })).toBeVisible();
  secrets["re-authentication challenge id"] = (await cookie("reauth_challenge"))!;
  secrets["re-authentication code"] = await readAnswer(page, PATTERN);
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(secrets["re-authentication code"]);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/start\/pattern$/);
  await clickCells(page, NEW_PATTERN);
  await page.getByRole("button", { name: "Register" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/start\/done$/);

  const missing = Object.entries(secrets).filter(([, value]) => typeof value !== "string" || value.length < 8);
  expect(
    missing.map(([name]) => name),
    "secrets the journey should have seen",
  ).toEqual([]);
  const patterns = [PATTERN, NEW_PATTERN].flatMap((p) => [p.join(","), JSON.stringify(p)]);

  // The operator's audit log export: the customer's whole history, as CSV.
  const operatorPage = await (await browser.newContext({ baseURL })).newPage();
  await signedInOperator(operatorPage);
  const auditCsv = await (
    await operatorPage.request.get(`/admin/audit/export.csv?subject=${encodeURIComponent(customer.email)}`)
  ).text();
  expect(auditCsv).toContain("onboarding.pattern_set");

  const log = readFileSync(serverLog, "utf8");
  const onboardingPages = (url: string) => /\/start\/(pattern|confirm)$/.test(new URL(url).pathname);
  const leaks: string[] = [];
  for (const [name, value] of Object.entries(secrets)) {
    // Only the starting-guide page itself (and its form post to the same URL) carries its token;
    // its Referer is at most the origin (the page's strict-origin policy), never the path.
    const allowed =
      name === "starting-guide token"
        ? (e: { url: string; referer: string | null }) =>
            e.url === link && (e.referer === null || e.referer === `${new URL(link).origin}/`)
        : undefined;
    leaks.push(...leaksOf(traffic, value, allowed).map((where) => `${name}: ${where}`));
    if (contains(log, value)) leaks.push(`${name}: server log`);
    if (contains(auditCsv, value)) leaks.push(`${name}: audit log`);
  }
  for (const pattern of patterns) {
    // The registration screens show customers the pattern they are choosing; nothing else may.
    leaks.push(
      ...leaksOf(traffic, pattern, (e) => onboardingPages(e.url)).map((where) => `pattern ${pattern}: ${where}`),
    );
    if (log.includes(pattern)) leaks.push(`pattern ${pattern}: server log`);
    if (auditCsv.includes(pattern)) leaks.push(`pattern ${pattern}: audit log`);
  }
  // Any 43-character token at all (starting guides, challenges and sessions are all that shape).
  const tokenShaped = log.match(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g) ?? [];
  console.log(
    `  [figure] secrets: ${Object.keys(secrets).length + patterns.length} secrets looked for in ${traffic.length} exchanges, ${log.length} log bytes and ${auditCsv.length} audit bytes: ${leaks.length} found; ${tokenShaped.length} token-shaped strings in the log`,
  );
  expect(leaks).toEqual([]);
  expect(tokenShaped).toEqual([]);
  expect(log.length, "the server log was captured").toBeGreaterThan(0);
});
