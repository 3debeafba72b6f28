import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";

test("the home page introduces the portal and leads to sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Matrix Portal");
  const signIn = page.getByRole("main").getByRole("link", { name: /sign in/i });
  await expect(signIn).toHaveAttribute("href", "/login");
  await expectNoAxeViolations(page);
});

test("the health endpoint reports the database as ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers()["cache-control"]).toContain("no-store");
});

test("an unknown page answers 404 with a way home", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("main").getByRole("link", { name: /home/i })).toBeVisible();
});
