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
  // Durations by route pattern: the challenge page and its answer, never the path a user typed.
  expect(
    value(after, 'portal_http_request_duration_seconds_count{method="GET",route="/login/challenge",status="200"}'),
  ).toBeGreaterThan(0);
  // The answer is a server action on the challenge page (200 with JavaScript, 303 without).
  expect(after).toMatch(
    /^portal_http_request_duration_seconds_count\{method="POST",route="\/login\/challenge",status="\d{3}"\} [1-9]/m,
  );
  await request.get("/no/such/page/for-metrics");
  const last = await scrape(request);
  expect(last).toMatch(/route="unmatched",status="404"/);
  expect(last).not.toContain("for-metrics");
  expect(after).not.toContain(customer.email);
});

test("every answer carries its request id: the proxy's when one is trusted and well formed, else a new one", async ({
  request,
}) => {
  const proxied = await request.get("/api/health", { headers: { "x-request-id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0" } });
  expect(proxied.headers()["x-request-id"]).toBe("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
  const own = (await request.get("/api/health")).headers()["x-request-id"];
  expect(own).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect((await request.get("/api/health")).headers()["x-request-id"]).not.toBe(own);
  const forged = await request.get("/api/health", { headers: { "x-request-id": "<script>" } });
  expect(forged.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
