import { expect, test } from "@playwright/test";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { appSecrets, startApp, type AppServer } from "./support/app-server";
import { createPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";

/** Scenario D: the security headers of a production `next start`, on pages, actions' answers and errors. */
const PG_PORT = Number(process.env.REL_HEADERS_PG_PORT ?? 5546);
const APP_PORT = Number(process.env.REL_HEADERS_APP_PORT ?? 3503);
const RESEND_PORT = Number(process.env.REL_HEADERS_RESEND_PORT ?? 4502);

let pg: PrivatePostgres | undefined;
let resend: FakeResend | undefined;
let app: AppServer | undefined;

test.beforeAll(async () => {
  pg = createPrivatePostgres(PG_PORT);
  resend = await startFakeResend({ port: RESEND_PORT });
  app = await startApp({ databaseUrl: pg.url, resendUrl: resend.url, secrets: appSecrets(), port: APP_PORT });
});

test.afterAll(async () => {
  await app?.stop();
  await resend?.close();
  pg?.destroy();
});

const PATHS = ["/", "/login", "/faq", "/no-such-page", "/dashboard", "/admin"];

test("every response carries CSP with a fresh nonce and no unsafe-inline scripts, no framing, HSTS, nosniff and a referrer policy", async () => {
  const nonces = new Set<string>();
  let checked = 0;
  for (const path of PATHS) {
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${app!.url}${path}`, { redirect: "manual" });
      const csp = response.headers.get("content-security-policy") ?? "";
      const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(script)?.[1];
      expect(nonce, `${path}: script nonce`).toBeTruthy();
      nonces.add(nonce!);
      expect(script).not.toContain("'unsafe-inline'");
      expect(script).not.toContain("'unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{8,}/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      const html = await response.text();
      // Every inline script Next emits carries this response's nonce.
      for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
        expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
      checked++;
    }
  }
  expect(nonces.size).toBe(checked);
  console.log(
    `headers: ${checked} responses over ${PATHS.length} paths: CSP nonce fresh each time (${nonces.size} distinct), no unsafe-inline script, frame-ancestors 'none', HSTS, nosniff, Referrer-Policy same-origin`,
  );
});

test("a cross-origin post is refused with 403 and still carries the security headers", async () => {
  const response = await fetch(`${app!.url}/login`, {
    method: "POST",
    headers: { origin: "https://evil.example" },
    body: "email=x",
  });
  expect(response.status).toBe(403);
  expect(response.headers.get("strict-transport-security")).toBeTruthy();
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
});
