import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import fc from "fast-check";
import { expect, test } from "../e2e/support/test";
import {
  acceptTerms,
  actionIds,
  createUser,
  newCustomer,
  onboard,
  PATTERN,
  signIn,
  startingGuideLink,
} from "../e2e/support/portal";
import { registerApplication } from "../e2e/support/oidc";
import { uniqueIp } from "./support/http";
import { junkString } from "./support/junk";
import { signedInOperator } from "./support/operator";

const RUNS = 25;
/** A stack trace or framework error text in a response body. */
const STACK = /\bat [\w$.<>]+ \(|node_modules\/|Error: [\w ]+\n\s+at |digest":"\d+"/;

type Form = { page: string; hidden: Record<string, string>; fields: string[] };

/** Every form on a page (server-rendered HTML) that posts to a server action. */
async function actionForms(client: APIRequestContext, path: string): Promise<Form[]> {
  const html = await (await client.get(path)).text();
  return html
    .split(/<form\b/i)
    .slice(1)
    .map((chunk) => chunk.split(/<\/form>/i)[0]!)
    .map((form) => {
      const hidden: Record<string, string> = {};
      const fields: string[] = [];
      for (const [tag] of form.matchAll(/<(input|textarea|select|button)\b[^>]*>/gi)) {
        const name = /name="([^"]*)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&");
        if (!name) continue;
        if (/type="hidden"/i.test(tag))
          hidden[name] = (/value="([^"]*)"/.exec(tag)?.[1] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
        else if (name.startsWith("$ACTION_ID_")) hidden[name] = "";
        else fields.push(name);
      }
      return { page: path, hidden, fields };
    })
    .filter((form) => Object.keys(form.hidden).some((name) => name.startsWith("$ACTION")));
}

/** Each generated request comes from its own address: per-IP limits would otherwise turn later requests (and other specs' sign-ins) away unread. */
const fromNewAddress = () => ({ "X-Forwarded-For": uniqueIp() });

const junkFields = (fields: readonly string[]) =>
  fc.tuple(
    fc.record(Object.fromEntries(fields.map((field) => [field, junkString])), { requiredKeys: [] }),
    fc.dictionary(
      fc.string({ maxLength: 10 }).filter((k) => k.length > 0 && !k.startsWith("$")),
      junkString,
      { maxKeys: 2 },
    ),
  );

async function expectAnswered(response: APIResponse, what: string): Promise<void> {
  const body = await response.text();
  expect(response.status(), `${what}: status`).toBeLessThan(500);
  expect(body, `${what}: no stack trace`).not.toMatch(STACK);
}

/** Posts generated values into every field of every action form on the pages, as a form and as Next's client does. */
async function fuzzForms(
  client: APIRequestContext,
  paths: readonly string[],
  counts: Record<string, number>,
): Promise<void> {
  for (const path of paths) {
    for (const form of await actionForms(client, path)) {
      await fc.assert(
        fc.asyncProperty(junkFields(form.fields), async ([known, extra]) => {
          const fields = Object.fromEntries(
            Object.entries({ ...extra, ...known, ...form.hidden }).filter(
              (entry): entry is [string, string] => entry[1] !== undefined,
            ),
          );
          const response = await client.post(path, { multipart: fields, maxRedirects: 0, headers: fromNewAddress() });
          await expectAnswered(response, `form on ${path} (${form.fields.join(", ")})`);
          counts[path] = (counts[path] ?? 0) + 1;
        }),
        { numRuns: RUNS },
      );
    }
    // Raw action calls with a body that is not what the action expects.
    for (const id of actionIds(await (await client.get(path)).text())) {
      await fc.assert(
        fc.asyncProperty(junkString, async (body) => {
          const response = await client.post(path, {
            headers: {
              ...fromNewAddress(),
              "Next-Action": id,
              Accept: "text/x-component",
              "Content-Type": "text/plain;charset=UTF-8",
            },
            data: body,
            maxRedirects: 0,
          });
          await expectAnswered(response, `raw action ${id} on ${path}`);
          counts[path] = (counts[path] ?? 0) + 1;
        }),
        { numRuns: 10 },
      );
    }
  }
}

/** Generated query strings for pages and route handlers. */
async function fuzzQueries(
  client: APIRequestContext,
  paths: readonly string[],
  counts: Record<string, number>,
): Promise<void> {
  for (const path of paths) {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            "q",
            "status",
            "role",
            "sort",
            "after",
            "before",
            "event",
            "actor",
            "subject",
            "from",
            "to",
            "retry",
            "next",
            "error",
            "confirm",
            "done",
          ),
          junkString,
          { maxKeys: 4 },
        ),
        async (params) => {
          const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, v.slice(0, 2_000)])).toString();
          await expectAnswered(
            await client.get(`${path}?${query}`, { maxRedirects: 0, headers: fromNewAddress() }),
            `GET ${path}?${query.slice(0, 80)}`,
          );
          counts[path] = (counts[path] ?? 0) + 1;
        },
      ),
      { numRuns: RUNS },
    );
  }
}

const request = (page: Page) => page.context().request;

test("generated input to every form, action and route answers without a 500 or a stack trace", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(10 * 60_000);
  const counts: Record<string, number> = {};
  // Anonymous visitors: sign-in, resend, and a live starting-guide link.
  const invitee = newCustomer();
  await createUser(invitee);
  const link = new URL(await startingGuideLink(invitee.email)).pathname;
  await fuzzForms(request(page), ["/login", "/start/resend", link], counts);
  await request(page).post("/login", {
    multipart: { ...(await actionForms(request(page), "/login"))[0]!.hidden, email: "someone@example.com" },
  });
  await fuzzForms(request(page), ["/login/challenge"], counts);
  await fuzzQueries(
    request(page),
    ["/login", "/login/challenge", "/api/health", "/api/auth/session", "/api/auth/csrf", "/start/done", "/faq"],
    counts,
  );

  // A customer past the terms.
  const customerPage = await (await browser.newContext({ baseURL })).newPage();
  const customer = await onboard(customerPage, PATTERN);
  await signIn(customerPage, customer.email, PATTERN);
  await acceptTerms(customerPage);
  const customerForms = ["/dashboard", "/account/password", "/account/authenticator", "/account/reauth"];
  await fuzzForms(request(customerPage), customerForms, counts);
  await fuzzQueries(request(customerPage), [...customerForms, "/terms"], counts);

  // An operator.
  const operatorPage = await (await browser.newContext({ baseURL })).newPage();
  await signedInOperator(operatorPage);
  await operatorPage.goto(`/admin/users?q=${encodeURIComponent(customer.email)}`);
  await operatorPage.getByRole("table", { name: "Users" }).getByRole("link").click();
  await operatorPage.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  const userPath = new URL(operatorPage.url()).pathname;
  await fuzzForms(
    request(operatorPage),
    ["/admin/users/new", `${userPath}/edit`, "/admin/terms", "/admin/import", "/admin"],
    counts,
  );
  await fuzzQueries(
    request(operatorPage),
    ["/admin/users", "/admin/audit", "/admin/audit/export.csv", "/admin/export/users.csv", userPath],
    counts,
  );

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `  [figure] fuzz over HTTP: ${total} generated requests to ${Object.keys(counts).length} pages and routes, 0 answered 500 or showed a stack trace`,
  );
  console.log(
    `  fuzzed: ${Object.entries(counts)
      .map(([path, n]) => `${path.replace(link, "/start/<token>").replace(userPath, "/admin/users/<id>")} ${n}`)
      .join(", ")}`,
  );
  // Every page was reached as the intended visitor: a form page counts only when it had forms.
  expect(Object.keys(counts).sort()).toEqual(
    [
      ...[
        "/login",
        "/start/resend",
        link,
        "/login/challenge",
        "/api/health",
        "/api/auth/session",
        "/api/auth/csrf",
        "/start/done",
        "/faq",
      ],
      ...["/dashboard", "/account/password", "/account/authenticator", "/account/reauth", "/terms"],
      ...[
        "/admin/users/new",
        `${userPath}/edit`,
        "/admin/terms",
        "/admin/import",
        "/admin",
        "/admin/users",
        "/admin/audit",
        "/admin/audit/export.csv",
        "/admin/export/users.csv",
        userPath,
      ],
    ].sort(),
  );
});

test("generated input to the OpenID Connect endpoints answers without a 500 or a stack trace", async ({ page }) => {
  test.setTimeout(5 * 60_000);
  const client = request(page);
  const app = await registerApplication({
    redirectUri: "http://127.0.0.1:9/callback",
    postLogoutUri: "http://127.0.0.1:9/signed-out",
  });
  const param = (names: string[]) =>
    fc.dictionary(
      fc.constantFrom(...names),
      fc.oneof(junkString, fc.constantFrom(app.clientId, "code", "S256", "openid email", "authorization_code")),
      { maxKeys: 6 },
    );
  const query = (params: Record<string, string>) =>
    new URLSearchParams(Object.entries(params).map(([k, v]) => [k, v.slice(0, 2_000)])).toString();
  let sent = 0;
  const answered = async (response: APIResponse, what: string) => {
    await expectAnswered(response, what);
    sent++;
  };
  const AUTHORIZE = ["client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge"];
  const MORE = ["code_challenge_method", "prompt", "max_age", "login_hint", "id_token_hint", "claims", "request"];
  await fc.assert(
    fc.asyncProperty(param([...AUTHORIZE, ...MORE]), async (params) => {
      const url = `/oidc/auth?${query(params)}`;
      await answered(await client.get(url, { maxRedirects: 0, headers: fromNewAddress() }), `GET ${url.slice(0, 80)}`);
    }),
    { numRuns: RUNS * 2 },
  );
  const TOKEN = ["grant_type", "code", "redirect_uri", "code_verifier", "client_id", "client_secret", "refresh_token"];
  for (const path of ["/oidc/token", "/oidc/token/revocation", "/oidc/session/end/confirm"]) {
    await fc.assert(
      fc.asyncProperty(param([...TOKEN, "token", "xsrf", "logout"]), junkString, async (form, authorization) => {
        const headers: Record<string, string> = {
          ...fromNewAddress(),
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${Buffer.from(authorization.slice(0, 500)).toString("base64")}`,
        };
        await answered(await client.post(path, { data: query(form), headers, maxRedirects: 0 }), `POST ${path}`);
      }),
      { numRuns: RUNS },
    );
  }
  await fc.assert(
    fc.asyncProperty(junkString, async (junk) => {
      // A lone surrogate cannot be percent-encoded: the junk goes as its UTF-8 (U+FFFD for one).
      const segment = encodeURIComponent(Buffer.from(junk.slice(0, 200)).toString()) || "x";
      const headers = fromNewAddress();
      await answered(await client.get(`/authorize/${segment}`, { maxRedirects: 0, headers }), "GET /authorize/<junk>");
      await answered(
        await client.post(`/authorize/${segment}/decision`, {
          form: { decision: junk.slice(0, 500) },
          headers,
          maxRedirects: 0,
        }),
        "POST /authorize/<junk>/decision",
      );
      await answered(
        await client.get(`/oidc/session/end?${query({ id_token_hint: junk, post_logout_redirect_uri: junk })}`, {
          maxRedirects: 0,
          headers,
        }),
        "GET /oidc/session/end",
      );
      const bearer = junk.replace(/[^\x21-\x7e]/g, "").slice(0, 500) || "x";
      await answered(
        await client.get("/oidc/me", { headers: { ...headers, authorization: `Bearer ${bearer}` }, maxRedirects: 0 }),
        "GET /oidc/me",
      );
    }),
    { numRuns: RUNS },
  );
  console.log(`  [figure] fuzz over HTTP: ${sent} generated requests to the OpenID Connect endpoints, 0 answered 500`);
});
