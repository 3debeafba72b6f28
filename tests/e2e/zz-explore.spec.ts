import { expect, test } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { onboard, PATTERN, signIn } from "./support/portal";

test("explore", async ({ page, context }) => {
  const customer = await onboard(page, PATTERN);
  await page.goto("/login");
  writeFileSync("/tmp/explore/login.html", await page.content());
  await signIn(page, customer.email, PATTERN);
  await expect(page).toHaveURL(/\/terms$/);
  writeFileSync("/tmp/explore/terms.html", await page.content());
  const termsRaw = await page.request.get("/terms");
  writeFileSync("/tmp/explore/terms-raw.html", await termsRaw.text());
  writeFileSync("/tmp/explore/cookies.json", JSON.stringify(await context.cookies(), null, 1));
  const r = await page.request.get("/dashboard", { maxRedirects: 0 });
  console.log("dashboard", r.status(), r.headers()["location"]);
  await page.getByRole("checkbox", { name: /Tick here/ }).check();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  writeFileSync("/tmp/explore/dashboard-raw.html", await (await page.request.get("/dashboard")).text());
  const login = await page.request.get("/login");
  const html = await login.text();
  const id = html.match(/name="(\$ACTION_ID_[^"]+)"/)?.[1];
  console.log("login action", id);
  const evil = await page.request.post("/login", { multipart: { [id!]: "", email: customer.email }, headers: { Origin: "http://evil.example" }, maxRedirects: 0 });
  console.log("evil", evil.status(), JSON.stringify(evil.headers()), (await evil.text()).slice(0, 500));
  const good = await page.request.post("/login", { multipart: { [id!]: "", email: customer.email }, headers: { Origin: "http://localhost:3310" }, maxRedirects: 0 });
  console.log("good", good.status(), JSON.stringify(good.headers()), (await good.text()).slice(0, 300));
});
