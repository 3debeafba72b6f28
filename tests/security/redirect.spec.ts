import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "../e2e/support/test";
import { acceptTerms, hiddenFields, onboard, PATTERN, signIn } from "../e2e/support/portal";
import { FOREIGN_RETURN_PATHS, OWN_RETURN_PATHS } from "../support/redirect-vectors";
import { newClient, postForm } from "./support/http";
import { reportFigure } from "./support/report";
import { challengeDigits, codeFor, readPortalForms, type PortalForms } from "./support/sign-in-http";

/** How a return path can reach the sign-in: the link's query, the posted form, or the pending cookie. */
type Channel = "query" | "form" | "cookie";
const CHANNELS: readonly Channel[] = ["query", "form", "cookie"];

function expectNoServerError(response: APIResponse, step: string): void {
  expect(response.status(), step).toBeLessThan(500);
}

/**
 * One whole sign-in from a fresh client with the return path sent one way; returns where the
 * right answer's redirect points.
 */
async function signInHeadedFor(
  client: APIRequestContext,
  forms: PortalForms,
  email: string,
  next: string,
  channel: Channel,
): Promise<string> {
  const login = await client.get(`/login?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
  expectNoServerError(login, "GET /login");
  // Whatever the page keeps in its form is what a browser posts back.
  const kept = hiddenFields(await login.text(), "email").next;
  const posted = channel === "form" ? next : channel === "query" ? kept : undefined;
  const entered = await postForm(client, "/login", {
    [`$ACTION_ID_${forms.login}`]: "",
    email,
    ...(posted === undefined ? {} : { next: posted }),
  });
  expectNoServerError(entered, "email entry");
  expect(entered.headers().location, "email entry").toMatch(/^\/login\/challenge/);
  const code = codeFor(await challengeDigits(client), PATTERN);
  const headers: Record<string, string> = {};
  if (channel === "cookie") {
    // As the portal itself would have set it: URL-encoded, scoped to /login.
    const jar = (await client.storageState()).cookies.filter((cookie) => cookie.name !== "login_next");
    headers.cookie = [
      ...jar.map((cookie) => `${cookie.name}=${cookie.value}`),
      `login_next=${encodeURIComponent(next)}`,
    ].join("; ");
  }
  const answered = await client.post("/login/challenge", {
    multipart: { [`$ACTION_ID_${forms.answer}`]: "", answer: code },
    maxRedirects: 0,
    headers,
  });
  expectNoServerError(answered, "answer");
  const location = answered.headers().location;
  expect(location, "the right answer redirects").toBeTruthy();
  return location!;
}

test("no return path takes a sign-in off the portal, through the link, the form or the cookie, and none answers 500", async ({
  page,
  baseURL,
}) => {
  // 120 whole sign-ins, each a fresh client: about 2 minutes on a busy 2-core machine.
  test.setTimeout(360_000);
  const customer = await onboard(page, PATTERN);
  // Terms accepted once, so the answer's redirect is the return path itself.
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);
  const forms = await readPortalForms(baseURL!, customer.email);
  const origin = new URL(baseURL!).origin;
  let tried = 0;
  for (const vector of FOREIGN_RETURN_PATHS) {
    for (const channel of CHANNELS) {
      const client = await newClient(baseURL!);
      const location = await signInHeadedFor(client, forms, customer.email, vector, channel);
      expect(new URL(location, baseURL).origin, `${JSON.stringify(vector)} by ${channel}`).toBe(origin);
      expect(location, `${JSON.stringify(vector)} by ${channel}`).toBe("/dashboard");
      await client.dispose();
      tried++;
    }
  }
  for (const [path, kept] of OWN_RETURN_PATHS) {
    for (const channel of CHANNELS) {
      const client = await newClient(baseURL!);
      expect(await signInHeadedFor(client, forms, customer.email, path, channel), `${path} by ${channel}`).toBe(kept);
      await client.dispose();
    }
  }
  reportFigure(
    `redirect vectors tried: ${FOREIGN_RETURN_PATHS.length} return paths x ${CHANNELS.length} channels = ${tried} sign-ins, all kept on ${origin}`,
  );
});
