import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { organizationSettings } from "../support/organization";
import {
  acceptTerms,
  newCustomer,
  onboard,
  onboardOperator,
  PATTERN,
  signIn,
  startingGuideLink,
} from "./support/portal";

const csv = (rows: string[][]) => ({
  name: "users.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(`\uFEFF${rows.map((r) => r.join(",")).join("\r\n")}\r\n`, "utf8"),
});

async function upload(page: Page, file: ReturnType<typeof csv>): Promise<void> {
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Check and import" }).click();
}

test("an operator imports users from CSV, publishes new terms and reads the audit log", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // A customer, signed in elsewhere, who will be asked to accept the new terms.
  const customerContext = await browser.newContext();
  const customerPage = await customerContext.newPage();
  const customer = await onboard(customerPage, PATTERN);
  await signIn(customerPage, customer.email, PATTERN);
  await acceptTerms(customerPage);

  const operator = await onboardOperator(page);
  await signIn(page, operator.email, PATTERN);
  await acceptTerms(page);

  // Overview.
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Successful and failed sign-ins per day" })).toBeAttached();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Retry failed emails" }).click();
  await expect(page.getByRole("status").filter({ hasText: "There were no failed emails to retry." })).toBeVisible();

  // Import: one bad row → a report naming it, nothing imported.
  const [a, b] = [newCustomer(), newCustomer()];
  b.phone = `${a.phone.slice(0, -1)}${(Number(a.phone.at(-1)) + 1) % 10}`;
  const header = ["email", "name", "phone", "company", "role"];
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import users" })).toBeVisible();
  await expectNoAxeViolations(page);
  await upload(
    page,
    csv([header, [a.email, a.name, a.phone, a.company, "customer"], [b.email, b.name, "03-1234-5678", b.company, ""]]),
  );
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toBeVisible();
  const report = page.getByRole("table", { name: /Problems in the uploaded file/ });
  await expect(report.getByRole("row", { name: /^3 phone Write the phone number without hyphens/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // The corrected file imports both (so the first upload had imported neither).
  await upload(
    page,
    csv([header, [a.email, a.name, a.phone, a.company, "customer"], [b.email, `"${b.name}"`, b.phone, "", ""]]),
  );
  await expect(page.getByRole("status").filter({ hasText: "2 users were imported." })).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(page);
  // Their starting guides reach the (fake) Resend API, and their links work.
  for (const person of [a, b]) expect(await startingGuideLink(person.email)).toMatch(/\/start\//);
  await page.goto(`/admin/users?q=${encodeURIComponent(a.email)}`);
  await expect(page.getByText(a.email).first()).toBeVisible();

  // Export: an attachment with the imported users.
  const exported = await page.request.get("/admin/export/users.csv");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="users-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(await exported.text()).toContain(
    [b.email, b.name, b.phone, "", "customer", "invited"].map((cell) => `"${cell}"`).join(","),
  );

  // Terms: publish a new version (the operator signed in minutes ago).
  await page.goto("/admin/terms");
  await expect(page.getByRole("heading", { level: 1, name: "Terms" })).toBeVisible();
  await expectNoAxeViolations(page);
  // The organization tokens: the hint names them, customers read the configured values.
  await expect(page.getByText("Titles and texts may contain {organization}")).toBeVisible();
  await page
    .getByRole("textbox", { name: "Title (English)", exact: true })
    .fill("Terms of Personal Information Protection regarding Customer Portal (revised)");
  await page
    .getByRole("textbox", { name: "Text (English)", exact: true })
    .fill(
      "Revised terms.\n\nArticle 1. {organization} ({organizationAddress}) protects your personal information." +
        "\n\nArticle 2. Requests: {privacyContact}. {version} stays as written.",
    );
  await page.getByRole("button", { name: "Publish new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Version \d+ is published/ })).toBeVisible();

  // The signed-in customer is sent to the terms on their next page load.
  await customerPage.goto("/dashboard");
  await expect(customerPage).toHaveURL(/\/terms$/);
  await expect(customerPage.getByRole("heading", { level: 1 })).toHaveText(/\(revised\)/);
  const terms = customerPage.getByRole("region", { name: /\(revised\)/ });
  await expect(terms).toContainText(
    `${organizationSettings.ORGANIZATION_NAME} (${organizationSettings.ORGANIZATION_ADDRESS}) protects`,
  );
  await expect(terms).toContainText(`Requests: ${organizationSettings.PRIVACY_CONTACT}. {version} stays as written.`);
  await expect(terms).not.toContainText("{organization}");
  await acceptTerms(customerPage);
  await customerContext.close();

  // So is the operator, on the way to the audit log, and lands there; then the log, filtered.
  await page.goto("/admin/audit");
  await acceptTerms(page, "/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("combobox", { name: "Event", exact: true }).selectOption({ label: "Account registered" });
  await page.getByRole("textbox", { name: "Subject (email address)", exact: true }).fill(b.email);
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page).toHaveURL(/event=user\.registered/);
  const events = page.getByRole("table", { name: "Audit events, newest first" });
  await expect(events.getByRole("row")).toHaveCount(2);
  await expect(events.getByRole("row").nth(1)).toContainText(operator.email);
  await expect(events.getByRole("row").nth(1)).toContainText(b.email);
  await expectNoAxeViolations(page);

  await page.getByRole("combobox", { name: "Event", exact: true }).selectOption({ label: "Terms published" });
  await page.getByRole("textbox", { name: "Subject (email address)", exact: true }).fill("");
  await page.getByRole("textbox", { name: "Actor (email address)", exact: true }).fill(operator.email);
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(events.getByRole("row")).toHaveCount(2);
  const download = await page.request.get(
    `/admin/audit/export.csv?event=terms.published&actor=${encodeURIComponent(operator.email)}`,
  );
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="audit-log-/);
  expect((await download.text()).split("\r\n").filter(Boolean)).toHaveLength(2);

  // The operators' page shows the current text as stored, tokens and all: it is what they edit.
  await page.goto("/admin/terms");
  await expect(page.getByRole("region", { name: /^English: .*\(revised\)$/ })).toContainText(
    "Article 1. {organization} ({organizationAddress}) protects",
  );
});
