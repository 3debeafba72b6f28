import type { Page } from "@playwright/test";
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { checkInBothLanguages, setLocaleCookie } from "./support/people";
import {
  PATTERN,
  acceptTerms,
  createUser,
  newCustomer,
  onboardOperator,
  signIn,
  startingGuideLink,
} from "./support/portal";
import { expect, test } from "./support/test";

/*
 * Every page, in English and Japanese: axe (WCAG 2.2 A/AA) at 1280 and 320 px and no sideways
 * scrolling at 320 px (WCAG 1.4.10). One test per area, each page checked in both languages
 * in turn, so a run signs in three times rather than once per page. Problems are collected
 * and reported together.
 */

/** Every page.tsx under app/, and the test below that checks it (see the last test). */
const PAGES: Record<string, string> = {
  "/": "public",
  "/faq": "public",
  "/login": "public (form, invalid email, expired, signed out, session ended)",
  "/login/challenge": "public (grid, wrong answer)",
  "/login/second-factor": "second step (both forms): checked in second-factor.spec.ts",
  "/terms": "public (reading) and customer (accept form)",
  "/start/resend": "public",
  "/start/[token]": "onboarding (form, field errors) and public (link no longer usable)",
  "/start/pattern": "onboarding (grid, policy refusal) and public (session ended)",
  "/start/confirm": "onboarding and public (session ended)",
  "/start/done": "onboarding",
  "/unlock/[token]": "public (link no longer usable); the form is checked in unlock.spec.ts",
  "/unlock/done": "public",
  "/dashboard": "customer (page, session-timeout warning, session ended)",
  "/account/password": "customer (start, re-authentication challenge)",
  "/account/reauth": "customer (challenge); its start state is /admin/reauth's (one component)",
  "/account/authenticator": "customer (start); the QR code step and the required lead in second-factor-setup.spec.ts",
  "/admin": "admin",
  "/admin/users": "admin (list, search)",
  "/admin/users/new": "admin (form, field errors)",
  "/admin/users/[id]": "admin (detail, confirmation, done message)",
  "/admin/users/[id]/edit": "admin",
  "/admin/import": "admin (form, per-row error report)",
  "/admin/audit": "admin (log, filter error)",
  "/admin/terms": "admin",
  "/admin/apps": "admin (list, register form)",
  "/authorize/[uid]/consent": "customer (an application's consent): checked in oidc.spec.ts",
  "/authorize/ended": "public",
  "/admin/reauth": "admin (start, challenge)",
  "/dev/mailbox": "public: answers 404 in production, so the 404 page is what people see",
  // The benchmark's framework floor (bench/): 404 unless BENCH_ROUTES=1, never shown to people.
  "/bench": "benchmark only",
  "/bench/page": "benchmark only",
};

/** A page loaded with a 200 at this path (no redirect to sign-in, re-authentication or elsewhere). */
async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(new URL(page.url()).pathname, path).toBe(path.split(/[?#]/)[0]);
}

const submitIn = (page: Page) => page.locator('main form button[type="submit"]').first();

test("the page list names every page of the app", () => {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === "page.tsx")
        pages.push(`/${relative("app", dir).split(sep).join("/")}`.replace(/\/$/, "") || "/");
    }
  };
  walk("app");
  expect(pages.sort()).toEqual(Object.keys(PAGES).sort());
});

test("public pages pass axe and reflow at 320px in English and Japanese", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  const check = (label: string, go: () => Promise<unknown>) => checkInBothLanguages(page, baseURL, label, problems, go);

  for (const path of [
    "/",
    "/faq",
    "/login",
    "/login?error=email",
    "/login?error=expired",
    "/login?error=signed-out",
    "/login?error=ended",
    "/start/resend",
    "/terms",
    "/unlock/done",
    "/authorize/ended",
  ]) {
    await check(path, () => open(page, path));
  }
  for (const path of ["/no-such-page", "/dev/mailbox"]) {
    await check(`${path} (404)`, async () => expect((await page.goto(path))?.status()).toBe(404));
  }
  await check("/start/<token> (link no longer usable)", async () => {
    await open(page, `/start/${"A".repeat(43)}`);
    await expect(page.locator("main form")).toHaveCount(0);
  });
  await check("/unlock/<token> (link no longer usable)", async () => {
    await open(page, `/unlock/${"A".repeat(43)}`);
    await expect(page.locator("main form")).toHaveCount(0);
  });
  for (const path of ["/start/pattern", "/start/confirm"]) {
    await check(`${path} (session ended)`, async () => {
      await open(page, path);
      await expect(page.locator('main a[href="/faq#forgot"]')).toBeVisible();
    });
  }

  await page.goto("/login");
  await page.locator("#email").fill(newCustomer().email);
  await submitIn(page).click();
  await expect(page).toHaveURL(/\/login\/challenge$/);
  await check("/login/challenge", () => open(page, "/login/challenge"));
  await check("/login/challenge (wrong answer)", () => open(page, "/login/challenge?retry=1"));

  expect(problems).toEqual([]);
});

test("onboarding and customer pages pass axe and reflow at 320px in English and Japanese", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  const check = (label: string, go: () => Promise<unknown>) => checkInBothLanguages(page, baseURL, label, problems, go);
  const cells = page.locator('[role="grid"] button');
  const customer = newCustomer();
  await createUser(customer);
  const link = new URL(await startingGuideLink(customer.email)).pathname;

  await check("/start/<token>", () => open(page, link));
  await check("/start/<token> (field errors)", async () => {
    await open(page, link);
    await page.locator("#email").fill("not-an-email");
    await page.locator("#phone").fill("03-1234-5678");
    await submitIn(page).click();
    await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");
  });
  await setLocaleCookie(page.context(), baseURL, "en");
  await open(page, link);
  await page.locator("#email").fill(customer.email);
  await page.locator("#name").fill(customer.name);
  await page.locator("#phone").fill(customer.phone);
  await submitIn(page).click();
  await expect(page).toHaveURL(/\/start\/pattern$/);

  await check("/start/pattern", () => open(page, "/start/pattern"));
  await check("/start/pattern (policy refusal)", async () => {
    await open(page, "/start/pattern");
    for (let cell = 0; cell < 8; cell++) await cells.nth(cell).click();
    await page.locator('main form button[type="submit"]').click();
    await expect(page.locator('main [role="alert"]')).toBeVisible();
  });
  await open(page, "/start/pattern");
  for (const cell of PATTERN) await cells.nth(cell).click();
  await page.locator('main form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/start\/confirm$/);
  await check("/start/confirm", () => open(page, "/start/confirm"));
  await page.locator('main form button[type="submit"]').last().click(); // Confirm (Back comes first)
  await expect(page).toHaveURL(/\/start\/done$/);
  await check("/start/done", () => open(page, "/start/done"));

  await setLocaleCookie(page.context(), baseURL, "en");
  await signIn(page, customer.email, PATTERN);
  await expect(page).toHaveURL(/\/terms$/);
  await check("/terms (accept form)", () => open(page, "/terms"));
  await setLocaleCookie(page.context(), baseURL, "en");
  await open(page, "/terms");
  await acceptTerms(page);
  await check("/dashboard", () => open(page, "/dashboard"));

  // The session-timeout warning (WCAG 2.2.1) two minutes before the 30 idle minutes are up,
  // then the notice that the session has ended: the browser's clock is moved, not the server's.
  await page.clock.install();
  for (const [label, minutes] of [
    ["session-timeout warning", 28.5],
    ["session ended", 31],
  ] as const) {
    await check(`/dashboard (${label})`, async () => {
      await open(page, "/dashboard");
      // The warning's timers start when the page hydrates: on a busy machine that can come after
      // the load event, and a clock moved before it would only delay them.
      await page.waitForLoadState("networkidle");
      await page.clock.fastForward(minutes * 60_000);
      await expect(page.getByRole("alertdialog")).toBeVisible();
    });
  }

  await check("/account/password", () => open(page, "/account/password"));
  await submitIn(page).click();
  await expect(page.locator("main table")).toBeVisible();
  await check("/account/password (re-authentication challenge)", async () => {
    await open(page, "/account/password?retry=1");
    await expect(page.locator("main table")).toBeVisible();
  });
  await check("/account/reauth (challenge, failed)", async () => {
    await open(page, "/account/reauth?next=%2Faccount%2Fauthenticator&retry=1");
    await expect(page.locator("main table")).toBeVisible();
  });
  await check("/account/authenticator", () => open(page, "/account/authenticator"));

  expect(problems).toEqual([]);
});

const importReport = (rows: string[][]) => ({
  name: "users.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(`${rows.map((row) => row.join(",")).join("\r\n")}\r\n`, "utf8"),
});

test("admin pages pass axe and reflow at 320px in English and Japanese", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  await setLocaleCookie(page.context(), baseURL, "en");
  const operator = await onboardOperator(page);
  await signIn(page, operator.email, PATTERN);
  await acceptTerms(page);
  const customer = newCustomer();
  await createUser(customer);
  await page.goto(`/admin/users?q=${encodeURIComponent(customer.email)}`);
  const detail = (await page.locator('main table a[href^="/admin/users/"]').first().getAttribute("href"))!;
  expect(detail).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);

  const problems: string[] = [];
  const check = (label: string, go: () => Promise<unknown>) => checkInBothLanguages(page, baseURL, label, problems, go);
  for (const path of [
    "/admin",
    "/admin/users",
    "/admin/users/new",
    "/admin/import",
    "/admin/audit",
    "/admin/terms",
    "/admin/apps",
  ]) {
    await check(path, () => open(page, path));
  }
  await check("/admin/users (search)", () => open(page, `/admin/users?q=${encodeURIComponent(customer.email)}`));
  await check("/admin/users/new (field errors)", async () => {
    await open(page, "/admin/users/new");
    await page.locator("#email").fill("not-an-email");
    await submitIn(page).click();
    await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");
  });
  await check("/admin/users/<id>", () => open(page, detail));
  await check("/admin/users/<id> (confirmation)", () => open(page, `${detail}?confirm=resend`));
  await check("/admin/users/<id> (done)", () => open(page, `${detail}?done=resend`));
  await check("/admin/users/<id>/edit", () => open(page, `${detail}/edit`));
  await check("/admin/import (per-row error report)", async () => {
    await open(page, "/admin/import");
    const [a, b] = [newCustomer(), newCustomer()];
    const rows = [
      ["email", "name", "phone", "company", "role"],
      [a.email, a.name, "03-1234-5678", a.company, "customer"],
      ["not-an-email", b.name, b.phone, "", "boss"],
    ];
    await page.locator("#file").setInputFiles(importReport(rows));
    await submitIn(page).click();
    await expect(page.locator('main section[aria-labelledby="report-title"] table tbody tr').first()).toBeVisible({
      timeout: 20_000,
    });
  });
  await check("/admin/audit (filter error)", () => open(page, "/admin/audit?actor=not-an-email"));
  await check("/admin/reauth", () => open(page, "/admin/reauth?next=/admin/users"));
  await submitIn(page).click();
  await expect(page.locator("main table")).toBeVisible();
  await check("/admin/reauth (challenge)", async () => {
    await open(page, "/admin/reauth?next=/admin/users&retry=1");
    await expect(page.locator("main table")).toBeVisible();
  });

  expect(problems).toEqual([]);
});
