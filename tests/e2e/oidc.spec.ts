import type { Page } from "@playwright/test";
import { e2eSettings } from "./support/app-env";
import { operatorDisables, registerApplication } from "./support/oidc";
import { checkInBothLanguages, setLocaleCookie } from "./support/people";
import { expect, newClientContext, test } from "./support/test";
import { signedInOperator } from "../security/support/operator";
import { onboard, PATTERN, readAnswer, setClockOffset, TERMS_CHECKBOX } from "./support/portal";
import { startRelyingParty, type ClientCredentials, type RelyingParty } from "../support/relying-party";

const { baseURL } = e2eSettings();

/** The matrix step as a person takes it when an application sent them to the portal's /login. */
async function answerMatrix(page: Page, email: string) {
  await expect(page).toHaveURL(/\/login\?next=%2Fauthorize%2F/);
  await page.getByRole("textbox", { name: "Email address", exact: true }).fill(email);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/login\/challenge/);
  await page.getByRole("textbox", { name: "One-time password", exact: true }).fill(await readAnswer(page, PATTERN));
  await page.getByRole("button", { name: "Send" }).click();
}

const result = (page: Page) => page.locator("#result");

let app: (RelyingParty & ClientCredentials) | undefined;
test.afterEach(async () => {
  setClockOffset(0);
  await app?.close();
  app = undefined;
});

/** axe and 320 px in both languages for the page as it is now (reloaded), then back to English. */
async function checkHere(page: Page, baseURL: string | undefined, label: string): Promise<void> {
  const problems: string[] = [];
  await checkInBothLanguages(page, baseURL, label, problems, () => page.reload());
  await setLocaleCookie(page.context(), baseURL, "en");
  await page.reload();
  expect(problems).toEqual([]);
}

test("an application signs a customer in through the matrix and consent, reads userinfo and signs out", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const customer = await onboard(page, PATTERN);
  app = await startRelyingParty({ issuer: baseURL, register: (uris) => registerApplication(uris) });

  await page.goto(`${app.url}/login`);
  await answerMatrix(page, customer.email);
  await expect(page).toHaveURL(/\/terms\?next=%2Fauthorize%2F/);
  await page.getByRole("checkbox", { name: TERMS_CHECKBOX }).check();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("heading", { name: "Allow Billing to use your account?" })).toBeVisible();
  await expect(page.getByText("Your email address")).toBeVisible();
  await checkHere(page, baseURL, "/authorize/<uid>/consent");
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(result(page)).toContainText("SIGNED IN");
  const claims = JSON.parse((await result(page).textContent())!.replace("SIGNED IN ", "")) as Record<string, unknown>;
  expect(claims.iss).toBe(baseURL);
  expect(claims.sub).toMatch(/^[0-9a-f-]{36}$/);
  expect(claims.amr).toEqual(["pwd"]);
  expect(claims.acr).toBe("urn:matrix-portal:acr:matrix");
  expect(typeof claims.auth_time).toBe("number");

  await page.goto(`${app.url}/userinfo`);
  const info = JSON.parse((await result(page).textContent())!.replace("USERINFO ", "")) as Record<string, unknown>;
  expect(info).toMatchObject({ sub: claims.sub, email: customer.email, email_verified: true, name: customer.name });
  expect(info.company).toBe(customer.company);

  // A second sign-in from the application: the portal session and the consent are remembered.
  await page.goto(`${app.url}/login`);
  await expect(result(page)).toContainText("SIGNED IN");

  await page.goto(`${app.url}/logout`);
  await checkHere(page, baseURL, "/oidc/session/end (sign out?)");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(result(page)).toHaveText("SIGNED OUT");
  // Signed out of the portal too.
  await page.goto(`${baseURL}/dashboard`);
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
});

test("the portal refuses a wrong redirect URI, a request without PKCE, a replayed or expired code and a wrong secret", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const customer = await onboard(page, PATTERN);
  app = await startRelyingParty({ issuer: baseURL, register: (uris) => registerApplication(uris, ["--first-party"]) });

  // An unregistered redirect_uri: an error page at the portal, nothing sent anywhere else.
  await page.goto(`${app.url}/login?redirect_uri=${encodeURIComponent("http://127.0.0.1:9/steal")}`);
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/oidc/auth\\?`));
  await expect(
    page.getByRole("heading", { name: "The application's sign-in request could not be completed" }),
  ).toBeVisible();
  await expect(page.getByText("invalid_redirect_uri")).toBeVisible();
  await checkHere(page, baseURL, "/oidc/auth (error page)");

  // No PKCE: refused back at the application.
  await page.goto(`${app.url}/login?pkce=0`);
  await expect(result(page)).toContainText("ERROR invalid_request");

  // A first-party application: the matrix and terms, no consent page.
  await page.goto(`${app.url}/login`);
  await answerMatrix(page, customer.email);
  await expect(page).toHaveURL(/\/terms\?next=%2Fauthorize%2F/);
  await page.getByRole("checkbox", { name: TERMS_CHECKBOX }).check();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(result(page)).toContainText("SIGNED IN");

  // The same code again: invalid_grant, and the tokens issued for it stop working.
  await page.goto(`${app.url}/replay`);
  await expect(result(page)).toContainText("ERROR invalid_grant");
  await page.goto(`${app.url}/userinfo`);
  await expect(result(page)).toContainText("ERROR");
  await expect(result(page)).not.toContainText("USERINFO");

  // A code kept past its 60 seconds (the server's test clock moves on): invalid_grant.
  await page.goto(`${app.url}/login?hold=1`);
  await expect(result(page)).toHaveText("HELD");
  setClockOffset(61_000);
  await page.goto(`${app.url}/redeem`);
  await expect(result(page)).toContainText("ERROR invalid_grant");
  setClockOffset(0);

  // prompt=login: the matrix again even though the portal session is live.
  await page.goto(`${app.url}/login?prompt=login`);
  await answerMatrix(page, customer.email);
  await expect(result(page)).toContainText("SIGNED IN");

  // The same application with a wrong secret: invalid_client at the token endpoint.
  const impostor = await startRelyingParty({
    issuer: baseURL,
    register: async (uris) => ({
      ...(await registerApplication(uris, ["--first-party"])),
      clientSecret: "not-the-secret",
    }),
  });
  try {
    await page.goto(`${impostor.url}/login`);
    await expect(result(page)).toContainText("ERROR invalid_client");
  } finally {
    await impostor.close();
  }
});

test("a disabled application and a disabled user are refused", async ({ page }) => {
  test.setTimeout(120_000);
  const customer = await onboard(page, PATTERN);
  app = await startRelyingParty({ issuer: baseURL, register: (uris) => registerApplication(uris, ["--first-party"]) });
  await page.goto(`${app.url}/login`);
  await answerMatrix(page, customer.email);
  await page.getByRole("checkbox", { name: TERMS_CHECKBOX }).check();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(result(page)).toContainText("SIGNED IN");

  // The user is disabled: the application gets access_denied, not a session.
  await operatorDisables("user", customer.email);
  await page.goto(`${app.url}/login`);
  await expect(result(page)).toContainText("ERROR access_denied");

  // The application is disabled: the portal no longer knows it.
  await operatorDisables("client", app.clientId);
  await page.goto(`${app.url}/login`);
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/oidc/auth\\?`));
  await expect(page.getByText("invalid_client")).toBeVisible();
});

test("an operator registers an application at /admin/apps; a customer who allowed it revokes it on the dashboard", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const operator = await newClientContext(browser, baseURL);
  const admin = await operator.newPage();
  await signedInOperator(admin);
  app = await startRelyingParty({
    issuer: baseURL,
    register: async ({ redirectUri, postLogoutUri }) => {
      await admin.goto("/admin/apps");
      await admin.getByRole("textbox", { name: "Application name", exact: true }).fill("Wiki");
      await admin.getByRole("textbox", { name: "Redirect URIs", exact: true }).fill(redirectUri);
      await admin.getByRole("textbox", { name: "Post-logout redirect URIs", exact: true }).fill(postLogoutUri);
      await admin.getByRole("checkbox", { name: "company", exact: true }).check();
      await admin.getByRole("button", { name: "Register application" }).click();
      const shown = (term: string) => admin.locator(`#register dt:text-is("${term}") + dd`);
      await expect(shown("Client secret")).toBeVisible();
      const credentials = {
        clientId: (await shown("Client ID").textContent())!,
        clientSecret: (await shown("Client secret").textContent())!,
      };
      // Shown once: the list after a reload names the application but not its secret.
      await admin.reload();
      await expect(admin.getByRole("listitem").filter({ hasText: "Wiki" }).first()).toBeVisible();
      await expect(admin.getByText(credentials.clientSecret)).toHaveCount(0);
      return credentials;
    },
  });

  const customer = await onboard(page, PATTERN);
  await page.goto(`${app.url}/login`);
  await answerMatrix(page, customer.email);
  await page.getByRole("checkbox", { name: TERMS_CHECKBOX }).check();
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(result(page)).toContainText("SIGNED IN");

  await page.goto(`${baseURL}/dashboard`);
  const connected = page.getByRole("list", { name: "Connected applications" });
  await expect(connected.getByRole("listitem").filter({ hasText: "Wiki" })).toBeVisible();
  await connected.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("list", { name: "Connected applications" })).toHaveCount(0);
  // Its tokens went with the grant, and the next sign-in asks for consent again.
  await page.goto(`${app.url}/userinfo`);
  await expect(result(page)).toContainText("ERROR");
  await page.goto(`${app.url}/login`);
  await expect(page.getByRole("heading", { name: "Allow Wiki to use your account?" })).toBeVisible();
});

test("refresh tokens: only for an application allowed offline_access, rotated at each use, the old one refused", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const customer = await onboard(page, PATTERN);
  app = await startRelyingParty({
    issuer: baseURL,
    register: (uris) => registerApplication(uris, ["--scope", "offline_access"]),
  });
  // offline_access needs the user's consent on this request (prompt=consent, OpenID Connect Core 11).
  await page.goto(`${app.url}/login?scope=${encodeURIComponent("openid email offline_access")}&prompt=consent`);
  await answerMatrix(page, customer.email);
  await page.getByRole("checkbox", { name: TERMS_CHECKBOX }).check();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText("Access while you are away (it can stay signed in)")).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(result(page)).toContainText('"refresh_token":true');

  await page.goto(`${app.url}/refresh`);
  await expect(result(page)).toHaveText('REFRESHED {"rotated":true}');
  await page.goto(`${app.url}/refresh-first`);
  await expect(result(page)).toContainText("ERROR invalid_grant");

  // An application not allowed offline_access asks for it in vain: the scope is dropped, and the
  // consent lists only what it will get.
  const other = await startRelyingParty({ issuer: baseURL, register: (uris) => registerApplication(uris) });
  try {
    await page.goto(`${other.url}/login?scope=${encodeURIComponent("openid offline_access")}&prompt=consent`);
    await expect(page.getByText("Access while you are away (it can stay signed in)")).toHaveCount(0);
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(result(page)).toContainText('"refresh_token":false');
  } finally {
    await other.close();
  }
});
