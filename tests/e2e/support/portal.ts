import { expect, type Page } from "@playwright/test";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { promisify } from "node:util";
import type { Role } from "@/db/schema";
import { e2eSettings } from "./app-env";

const run = promisify(execFile);
const { appEnv, resendURL, clockFile } = e2eSettings();

/** Moves the app's clock (and the CLI's) forward by this many milliseconds from real time. */
export function setClockOffset(milliseconds: number): void {
  mkdirSync(dirname(clockFile), { recursive: true });
  // Written whole and renamed into place: the app reads the file on every request and must
  // never see it half-written (an empty file reads as "no offset").
  writeFileSync(`${clockFile}.tmp`, String(milliseconds));
  renameSync(`${clockFile}.tmp`, clockFile);
}

export type Customer = { email: string; name: string; phone: string; company: string };

export function newCustomer(): Customer {
  const id = randomUUID().slice(0, 8);
  return {
    email: `e2e-${id}@example.com`,
    name: "Hanako Suzuki",
    phone: `03${Date.now().toString().slice(-8)}`,
    company: "Suzuki Trading K.K.",
  };
}

/**
 * Whether a user must have a second factor (the per-user override operators set). Operators in
 * specs about other things are registered "not_required", so those specs walk one step; the
 * second-factor specs register theirs with "inherit" and walk the default policy's setup.
 */
export type SecondFactorRequirement = "inherit" | "required" | "not_required";

/** Registers a user the way an operator does, with the command-line tool against the running app's database. */
export async function createUser(
  customer: Customer,
  role: Role = "customer",
  secondFactor: SecondFactorRequirement = role === "operator" ? "not_required" : "inherit",
): Promise<void> {
  const args = [
    "node_modules/.bin/tsx",
    "scripts/user-create.ts",
    "--email",
    customer.email,
    "--name",
    customer.name,
    "--phone",
    customer.phone,
    "--company",
    customer.company,
    "--role",
    role,
    "--second-factor",
    secondFactor,
  ];
  await run("node", args, { env: { ...process.env, ...appEnv } });
}

type DeliveredEmail = { subject: string; html: string; text: string; to: string[] };

/** Emails the app handed to the (fake) Resend API for this address, newest first. */
export async function emailsTo(address: string): Promise<DeliveredEmail[]> {
  const response = await fetch(`${resendURL}/_test/emails?to=${encodeURIComponent(address)}`);
  return (await response.json()) as DeliveredEmail[];
}

export async function startingGuideLink(address: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const emails = await emailsTo(address);
        const matches = emails
          .map((email) => email.text.match(/https?:\/\/\S+\/start\/[A-Za-z0-9_-]{43}/)?.[0])
          .filter(Boolean);
        link = matches[0]; // the newest: a new starting guide voids older links
        return link;
      },
      { timeout: 15_000 },
    )
    .toBeTruthy();
  return link!;
}

export const cellName = (cell: number) => `Row ${Math.floor(cell / 12) + 1}, column ${(cell % 12) + 1}`;

/** Clicks cells of the registration matrix in order. */
export async function clickCells(page: Page, cells: readonly number[]): Promise<void> {
  const grid = page.getByRole("grid", { name: "Matrix" });
  for (const cell of cells) await grid.getByRole("button", { name: new RegExp(`^${cellName(cell)}(,|$)`) }).click();
}

/** Reads the challenge grid as a person would and types the digits at the pattern's cells. */
export async function readAnswer(page: Page, pattern: readonly number[]): Promise<string> {
  const table = page.getByRole("table", { name: "Matrix" });
  const digits = (await table.locator("tbody td").allTextContents()).map((text) => text.trim()).join("");
  expect(digits).toMatch(/^\d{48}$/);
  return pattern.map((cell) => digits[cell]).join("");
}

/** Onboards a new user (a customer unless told) through the browser and returns their details. */
export async function onboard(
  page: Page,
  pattern: readonly number[],
  customer = newCustomer(),
  role: Role = "customer",
  secondFactor?: SecondFactorRequirement,
): Promise<Customer> {
  await createUser(customer, role, secondFactor);
  await page.goto(await startingGuideLink(customer.email));
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(customer.name);
  await page.getByRole("textbox", { name: "Contact telephone number", exact: true }).fill(customer.phone);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/start\/pattern$/);
  await clickCells(page, pattern);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page).toHaveURL(/\/start\/confirm$/);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/start\/done$/);
  return customer;
}

/** An operator registered on the command line, onboarded through the browser with PATTERN. */
export function onboardOperator(page: Page, secondFactor?: SecondFactorRequirement): Promise<Customer> {
  return onboard(
    page,
    PATTERN,
    { ...newCustomer(), name: "Ken Operator", company: "Matrix Portal Operations" },
    "operator",
    secondFactor,
  );
}

export async function signIn(page: Page, email: string, pattern: readonly number[]): Promise<void> {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/login\/challenge/);
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(await readAnswer(page, pattern));
  await page.getByRole("button", { name: "Send" }).click();
}

/** A strong pattern with cell 5 clicked twice (its last click is the 6th). */
export const PATTERN = [0, 5, 18, 27, 33, 5, 40, 46];

/** Opens /login, enters the email and waits for the challenge grid. */
export async function startChallenge(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/login\/challenge/);
  await expect(page.getByRole("table", { name: "Matrix" })).toBeVisible();
}

/** The 48 digits of the challenge grid on screen, in cell order. */
export async function gridDigits(page: Page): Promise<string> {
  const cells = await page.getByRole("table", { name: "Matrix" }).locator("tbody td").allTextContents();
  return cells.map((text) => text.trim()).join("");
}

/** Same length as the right code, every digit different. */
export const wrongCode = (code: string) =>
  code
    .split("")
    .map((digit) => String((Number(digit) + 1) % 10))
    .join("");

/**
 * Types a code on the challenge page and presses Send. When the app answers with a fresh grid
 * (a failure), waits until that grid has replaced the one the code was read from.
 */
export async function submitCode(page: Page, code: string): Promise<void> {
  const before = await gridDigits(page);
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(code);
  await page.getByRole("button", { name: "Send" }).click();
  await expect
    .poll(async () =>
      /\/login\/challenge/.test(new URL(page.url()).pathname)
        ? await gridDigits(page).catch(() => before)
        : "left the challenge page",
    )
    .not.toBe(before);
}

export const TERMS_CHECKBOX = "Tick here to accept the terms and conditions then click on the accept button.";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Accepts the terms on the page the portal sent the user to, and lands where they were headed. */
export async function acceptTerms(page: Page, headedFor = "/dashboard"): Promise<void> {
  const asked = headedFor === "/dashboard" ? "/terms" : `/terms?next=${encodeURIComponent(headedFor)}`;
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(asked)}$`));
  await page.getByRole("checkbox", { name: TERMS_CHECKBOX }).check();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(headedFor)}$`));
}

/**
 * The server-action id a form posts to when JavaScript is off: Next renders it as the name of
 * a hidden input (or of the submit button for a formAction) starting with `$ACTION_ID_`.
 */
export function actionIds(html: string): string[] {
  return [...new Set([...html.matchAll(/name="\$ACTION_ID_([0-9a-f]+)"/g)].map((match) => match[1]!))];
}

/**
 * The server-action id of the form, in server-rendered HTML, that has a field with this name
 * (client-side navigation renders forms without the hidden id, so fetch the page's HTML).
 */
export function formActionId(html: string, fieldName: string): string {
  const form = html
    .split(/<form\b/i)
    .slice(1)
    .map((chunk) => chunk.split(/<\/form>/i)[0]!)
    .find((chunk) => chunk.includes(`name="${fieldName}"`));
  const [id] = actionIds(form ?? "");
  expect(id, `a form with a field named ${fieldName} posting to a server action`).toBeTruthy();
  return id!;
}

const decodeEntities = (value: string) =>
  value.replace(
    /&(quot|amp|lt|gt|#39|#x27);/g,
    (_, entity: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#39": "'", "#x27": "'" })[entity]!,
  );

/**
 * The hidden fields, in server-rendered HTML, of the form that has a field with this name:
 * what a browser without JavaScript posts (for a useActionState form, Next's `$ACTION_REF_`,
 * `$ACTION_KEY` and bound-argument fields).
 */
export function hiddenFields(html: string, fieldName: string): Record<string, string> {
  const form = html
    .split(/<form\b/i)
    .slice(1)
    .map((chunk) => chunk.split(/<\/form>/i)[0]!)
    .find((chunk) => chunk.includes(`name="${fieldName}"`));
  expect(form, `a form with a field named ${fieldName}`).toBeTruthy();
  const fields: Record<string, string> = {};
  for (const [input] of form!.matchAll(/<input\b[^>]*>/gi)) {
    if (!/type="hidden"/i.test(input)) continue;
    const name = input.match(/name="([^"]*)"/)?.[1];
    if (name !== undefined) fields[decodeEntities(name)] = decodeEntities(input.match(/value="([^"]*)"/)?.[1] ?? "");
  }
  return fields;
}
