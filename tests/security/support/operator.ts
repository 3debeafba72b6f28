import { expect, type Page } from "@playwright/test";
import { acceptTerms, onboardOperator, PATTERN, signIn, type Customer } from "../../e2e/support/portal";

/** An operator onboarded, signed in and past the terms in this page's browser context. */
export async function signedInOperator(page: Page): Promise<Customer> {
  const operator = await onboardOperator(page);
  await signIn(page, operator.email, PATTERN);
  await acceptTerms(page);
  return operator;
}

/** Disables a user from their detail page, as an operator who signed in moments ago. */
export async function disableUser(page: Page, email: string): Promise<void> {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("table", { name: "Users" }).getByRole("link").click();
  await page.getByRole("link", { name: "Disable", exact: true }).click();
  await page.getByRole("button", { name: "Yes, disable" }).click();
  await expect(page).toHaveURL(/\?done=disable$/);
}
