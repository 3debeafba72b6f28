import { type APIResponse, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import {
  acceptTerms,
  actionIds,
  formActionId,
  hiddenFields,
  onboard,
  PATTERN,
  readAnswer,
  setClockOffset,
  signIn,
  submitCode,
  TERMS_CHECKBOX,
} from "./support/portal";

test.afterEach(() => setClockOffset(0));

async function expectGatedAtTerms(page: Page): Promise<void> {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/terms$/);
  await expect(page.getByRole("checkbox", { name: TERMS_CHECKBOX })).toBeVisible();
}

test("a signed-out visitor to /dashboard signs in, accepts the terms and lands back on /dashboard; foreign return paths are ignored", async ({
  page,
  baseURL,
}) => {
  const customer = await onboard(page, PATTERN);

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/login\/challenge$/);
  await submitCode(page, await readAnswer(page, PATTERN));
  await acceptTerms(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(customer.name);

  // A return path to another site is not followed.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  for (const next of ["//evil.example/dashboard", "https://evil.example/", "/\\evil.example"]) {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page).toHaveURL(/\/login\/challenge$/);
    await submitCode(page, await readAnswer(page, PATTERN));
    await expect(page).toHaveURL(`${baseURL}/dashboard`);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
  }
});

test("a first sign-in on the way to another portal page accepts the terms, then goes on to that page", async ({
  page,
  baseURL,
}) => {
  const customer = await onboard(page, PATTERN);
  await page.goto("/account/password");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fpassword$/);
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(customer.email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/login\/challenge$/);
  await submitCode(page, await readAnswer(page, PATTERN));
  await expect(page).toHaveURL(/\/terms\?next=%2Faccount%2Fpassword$/);
  await page.getByRole("checkbox", { name: TERMS_CHECKBOX }).check();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(`${baseURL}/account/password`);
});

test("a signed-in user who has not accepted the terms gets no portal data or action through a direct server-action POST", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow(); // two onboardings and some forty requests
  type Style = "form" | "fetch";
  const post = (from: Page, path: string, id: string, style: Style) =>
    style === "form"
      ? // as a browser without JavaScript posts the form ...
        from.request.post(path, {
          multipart: { [`$ACTION_ID_${id}`]: "" },
          headers: { Origin: baseURL! },
          maxRedirects: 0,
        })
      : // ... and as Next's client calls an action (the RSC payload of the page comes back).
        from.request.post(path, {
          headers: {
            Origin: baseURL!,
            "Next-Action": id,
            Accept: "text/x-component",
            "Content-Type": "text/plain;charset=UTF-8",
          },
          data: "[]",
          maxRedirects: 0,
        });
  const redirectTarget = (response: APIResponse) => {
    const target = response.headers()["location"] ?? response.headers()["x-action-redirect"]?.split(";")[0];
    return target ? new URL(target, baseURL).pathname : null;
  };

  // The portal's forms, as a user who has accepted the terms sees them (in another browser).
  const insiderContext = await browser.newContext({ baseURL });
  const insiderPage = await insiderContext.newPage();
  const insider = await onboard(insiderPage, PATTERN);
  await signIn(insiderPage, insider.email, PATTERN);
  await acceptTerms(insiderPage);
  const portalPages = ["/dashboard", "/account/password"];
  const portalActions = new Set<string>();
  for (const path of portalPages) {
    const response = await insiderPage.request.get(path);
    expect(response.url()).toBe(`${baseURL}${path}`);
    for (const id of actionIds(await response.text())) portalActions.add(id);
  }

  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await expect(page).toHaveURL(/\/terms$/);
  // Actions the terms page itself offers (declining signs out; the language switcher) are allowed.
  const termsHtml = await (await page.request.get("/terms")).text();
  const allowed = new Set(actionIds(termsHtml));
  const gatedActions = [...portalActions].filter((id) => !allowed.has(id));
  expect(gatedActions.length).toBeGreaterThan(0);

  // The requests below do reach the actions: for the insider, "start changing the matrix
  // password" runs both ways (a re-authentication challenge is issued). "End all sessions"
  // runs too and ends the insider's session, who then signs in again.
  for (const style of ["form", "fetch"] as const) {
    const outcomes: string[] = [];
    for (const id of gatedActions) {
      const response = await post(insiderPage, "/account/password", id, style);
      outcomes.push(
        `${redirectTarget(response)} ${(response.headers()["set-cookie"] ?? "").includes("reauth_challenge=")}`,
      );
      if (redirectTarget(response)?.startsWith("/login")) {
        await signIn(insiderPage, insider.email, PATTERN);
        await expect(insiderPage).toHaveURL(/\/dashboard$/);
      }
    }
    expect(outcomes, style).toContain("/account/password true");
  }
  await insiderContext.close();

  const portalTexts = [
    customer.email,
    "Welcome,",
    "Recent security activity",
    "Previous sign-in",
    "Failed sign-in attempts",
    "One-time password",
  ];
  const expectNothingGiven = async (response: APIResponse, what: string) => {
    const body = await response.text();
    for (const text of portalTexts) expect(body, what).not.toContain(text);
    expect(response.headers()["set-cookie"] ?? "", what).not.toContain("reauth_challenge");
  };

  for (const style of ["form", "fetch"] as const) {
    // On a portal path the request gate sends every action of the portal's pages to /terms.
    for (const path of portalPages) {
      for (const id of portalActions) {
        const response = await post(page, path, id, style);
        const what = `${style} POST ${path} answered ${response.status()}`;
        expect([303, 307, 308], what).toContain(response.status());
        expect(new URL(response.headers()["location"] ?? "", baseURL).pathname, what).toBe("/terms");
        await expectNothingGiven(response, what);
      }
    }
    // Anywhere else, including spellings of the portal paths the gate might not recognise, the
    // portal-only actions are sent to /terms, or are not served there: never run for this user.
    const elsewhere = [
      "/",
      "/terms",
      "/faq",
      "/account/password/",
      "/%61ccount/password",
      "/account/%70assword",
      "/account//password",
      "/ACCOUNT/password",
    ];
    for (const start of elsewhere) {
      for (const id of gatedActions) {
        let path = start;
        let response = await post(page, path, id, style);
        // Canonicalising redirects (a trailing slash) are followed by hand, with the same POST.
        for (let hops = 0; response.status() === 308 && hops < 3; hops++) {
          path = response.headers()["location"]!;
          response = await post(page, path, id, style);
        }
        const what = `${style} POST ${start} (last ${path}) answered ${response.status()}`;
        const target = redirectTarget(response);
        if (target !== null) expect(target, what).toBe("/terms");
        else expect([200, 400, 404, 405, 409], what).toContain(response.status());
        await expectNothingGiven(response, what);
      }
    }
  }
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("reauth_challenge");
  await expectGatedAtTerms(page);
  await page.goto("/account/password");
  await expect(page).toHaveURL(/\/terms\?next=%2Faccount%2Fpassword$/);

  // The Accept form replayed without the tick is refused by the server: still gated.
  const fields = hiddenFields(termsHtml, "version");
  expect(Object.keys(fields).some((name) => name.startsWith("$ACTION_"))).toBe(true);
  const unticked = await page.request.post("/terms", {
    multipart: fields,
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(unticked.status()).toBe(200);
  expect(await unticked.text()).toContain("Tick the box to accept the terms");
  await expectGatedAtTerms(page);

  // The same replay with the tick is what accepting means (so the refusal above was the server's).
  const ticked = await page.request.post("/terms", {
    multipart: { ...fields, accept: "yes" },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(ticked.status()).toBe(303);
  expect(ticked.headers()["location"]).toBe("/dashboard");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a session ends after 30 idle minutes, and activity keeps it alive", async ({ page }) => {
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);

  setClockOffset(29 * 60_000);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(customer.name);

  setClockOffset((29 + 31) * 60_000);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
  // Going back in time does not revive it.
  setClockOffset(0);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
});

test("a cross-origin POST to the sign-in action is refused and sets no challenge cookie", async ({ page, baseURL }) => {
  const loginActionId = formActionId(await (await page.request.get("/login")).text(), "email");
  const form = { [`$ACTION_ID_${loginActionId}`]: "", email: `nobody-${Date.now()}@example.com` };
  const challengeCookie = async () =>
    (await page.context().cookies()).filter((cookie) => cookie.name === "login_challenge");

  for (const origin of ["http://evil.example", "null"]) {
    const forged = [
      await page.request.post("/login", { multipart: form, headers: { Origin: origin }, maxRedirects: 0 }),
      await page.request.post("/login", {
        headers: { Origin: origin, "Next-Action": loginActionId, Accept: "text/x-component" },
        multipart: { "1_email": form.email },
        maxRedirects: 0,
      }),
    ];
    for (const response of forged) {
      // A clear refusal, not a 500 (bad input never answers 500).
      expect(response.status()).toBe(403);
      expect(response.headers()["location"] ?? "").not.toContain("/login/challenge");
      expect(response.headers()["x-action-redirect"] ?? "").toBe("");
      expect(response.headers()["set-cookie"] ?? "").not.toContain("login_challenge");
    }
    expect(await challengeCookie()).toEqual([]);
  }

  // The same form from the portal's own origin works (so the refusal above was the origin check).
  const genuine = await page.request.post("/login", {
    multipart: form,
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(genuine.status()).toBe(303);
  expect(genuine.headers()["location"]).toBe("/login/challenge");
  expect(await challengeCookie()).toHaveLength(1);
});
