import type { APIRequestContext } from "@playwright/test";
import { e2eSettings } from "./support/app-env";
import { expect, test } from "./support/test";
import { acceptTerms, onboard, PATTERN, signIn } from "./support/portal";

const { metricsToken } = e2eSettings();

async function scrape(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/metrics", { headers: { authorization: `Bearer ${metricsToken}` } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  return response.text();
}

const value = (text: string, series: string) =>
  Number(
    text
      .split("\n")
      .find((line) => line.startsWith(`${series} `))
      ?.slice(series.length + 1) ?? 0,
  );

test("Prometheus scrapes /api/metrics with its token; a sign-in moves the counters", async ({ page, request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);

  const customer = await onboard(page, PATTERN);
  const before = await scrape(request);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  const after = await scrape(request);
  expect(value(after, 'portal_sign_ins_total{outcome="success"}')).toBe(
    value(before, 'portal_sign_ins_total{outcome="success"}') + 1,
  );
  expect(value(after, "portal_challenges_issued_total")).toBeGreaterThan(
    value(before, "portal_challenges_issued_total"),
  );
  expect(value(after, 'portal_emails_total{status="queued"}')).toBeGreaterThan(0);
  expect(after).toMatch(/^portal_outbox_pending \d+$/m);
  expect(after).not.toContain(customer.email);
});
