import { readRegistration } from "@/app/admin/apps/registration";
import type { AppField } from "@/app/admin/apps/fields";

/** The register form's text to lib's registration input, and lib's refusals back to their fields. */

const form = (values: Partial<Record<AppField, string>>): Record<AppField, string> => ({
  name: "Billing",
  redirectUris: "https://billing.example/callback",
  postLogoutRedirectUris: "",
  clientType: "confidential",
  firstParty: "",
  scope_email: "on",
  scope_profile: "on",
  scope_company: "",
  scope_offline_access: "",
  ...values,
});

test("one address per line, blank lines and spaces dropped, openid always among the scopes", () => {
  expect(
    readRegistration(
      form({
        name: "  Billing  ",
        redirectUris: "https://billing.example/a\r\n\n  http://localhost:3000/cb  \n",
        postLogoutRedirectUris: "https://billing.example/bye",
        clientType: "public",
        firstParty: "on",
        scope_email: "",
        scope_company: "on",
      }),
    ),
  ).toEqual({
    ok: true,
    registration: {
      name: "Billing",
      redirectUris: ["https://billing.example/a", "http://localhost:3000/cb"],
      postLogoutRedirectUris: ["https://billing.example/bye"],
      scopes: ["openid", "profile", "company"],
      confidential: false,
      firstParty: true,
    },
  });
});

test("a refused address is named by the line it is on", () => {
  const read = readRegistration(
    form({
      redirectUris: "https://billing.example/a\n\nhttp://billing.example/plain",
      postLogoutRedirectUris: "https://billing.example/bye#top",
    }),
  );
  expect(read).toEqual({
    ok: false,
    problems: {
      redirectUris: { code: "invalid-uri", line: 3 },
      postLogoutRedirectUris: { code: "invalid-uri", line: 1 },
    },
  });
});

test("missing name and redirect URIs, too many addresses, an unknown client type", () => {
  const many = Array.from({ length: 11 }, (_, index) => `https://billing.example/${index}`).join("\n");
  expect(readRegistration(form({ name: " ", redirectUris: "\n \n", clientType: "secret" }))).toEqual({
    ok: false,
    problems: {
      name: { code: "required" },
      redirectUris: { code: "required" },
      clientType: { code: "invalid-choice" },
    },
  });
  expect(readRegistration(form({ redirectUris: many }))).toEqual({
    ok: false,
    problems: { redirectUris: { code: "too-many" } },
  });
  expect(readRegistration(form({ name: "x".repeat(101) }))).toEqual({
    ok: false,
    problems: { name: { code: "too-long" } },
  });
});
