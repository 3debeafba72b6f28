import { closeDb, getDb } from "@/db/client";
import { findClient } from "@/lib/oidc/clients";
import en from "@/messages/en.json";
import { onboardedUser } from "../support/sign-in";

/**
 * The applications page's actions and the dashboard's "Revoke", wired to lib's verbs: what they
 * guard with, what they return to the form (a secret only there, never in what was typed) and
 * where they redirect. The guards and the request are stood in for; the database is real.
 */

let mockUserId = "";
const mockRecentSignIn = jest.fn<Promise<{ id: string }>, [scope: string, returnTo: string]>(async () => ({
  id: mockUserId,
}));
jest.mock("@/lib/reauth", () => ({
  requireRecentSignIn: (scope: string, returnTo: string) => mockRecentSignIn(scope, returnTo),
}));
jest.mock("@/lib/sessions", () => ({
  ...jest.requireActual("@/lib/sessions"),
  requirePortalUser: async () => ({ id: mockUserId }),
}));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));
jest.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));
jest.mock("@/lib/http/request-context", () => ({
  ...jest.requireActual("@/lib/http/request-context"),
  requestContext: async () => ({ ip: "192.0.2.77", userAgent: "jest", now: new Date() }),
}));
// The real English catalogue, looked up by dotted key.
jest.mock("next-intl/server", () => {
  const lookup = (key: string) =>
    key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  const t = Object.assign(
    (key: string, params: Record<string, unknown> = {}) =>
      String(lookup(key) ?? `missing ${key}`).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name])),
    { has: (key: string) => typeof lookup(key) === "string" },
  );
  return { getTranslations: async () => t };
});

beforeAll(async () => {
  await getDb();
  mockUserId = (await onboardedUser()).userId;
}, 60_000);
afterAll(() => closeDb());
beforeEach(() => mockRecentSignIn.mockClear());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const actions = () => import("@/app/admin/apps/actions");

test("a refused registration comes back under its fields with what was typed, and registers nothing", async () => {
  const { registerAppAction } = await actions();
  const state = await registerAppAction(
    {},
    form({ name: "", redirectUris: "https://ok.example/cb\nftp://x", clientType: "confidential" }),
  );
  expect(mockRecentSignIn).toHaveBeenCalledWith("admin", "/admin/apps");
  expect(state).toMatchObject({
    tone: "error",
    message: en.AdminApps.fixErrors,
    fieldErrors: {
      name: en.AdminApps.errors.required,
      redirectUris: en.AdminApps.errors.invalidUri.replace("{number}", "2"),
    },
    values: { name: "", redirectUris: "https://ok.example/cb\nftp://x" },
  });
  expect(state).not.toHaveProperty("registered");
});

test("registering returns the client id and secret in the form's state only; rotating returns a new one", async () => {
  const { registerAppAction, rotateSecretAction } = await actions();
  const state = await registerAppAction(
    {},
    form({
      name: "Billing",
      redirectUris: "https://billing.example/cb",
      clientType: "confidential",
      scope_email: "on",
      scope_offline_access: "on",
      firstParty: "on",
    }),
  );
  expect(state).toEqual({
    registered: { clientId: expect.any(String), clientSecret: expect.any(String) },
    message: "Billing is registered.",
    tone: "success",
  });
  const { clientId, clientSecret } = state.registered!;
  expect(await findClient(clientId)).toMatchObject({
    name: "Billing",
    redirectUris: ["https://billing.example/cb"],
    scopes: ["openid", "email", "offline_access"],
    confidential: true,
    firstParty: true,
  });
  expect(JSON.stringify(await findClient(clientId))).not.toContain(clientSecret!);

  const rotated = await rotateSecretAction({}, form({ clientId }));
  expect(rotated).toEqual({ clientSecret: expect.any(String), tone: "success" });
  expect(rotated.clientSecret).not.toBe(clientSecret);
  expect(await rotateSecretAction({}, form({ clientId: "no-such-client" }))).toEqual({
    message: en.AdminApps.errors["not-found"],
    tone: "error",
  });
});

test("a public application gets no secret and cannot have one rotated", async () => {
  const { registerAppAction, rotateSecretAction } = await actions();
  const state = await registerAppAction(
    {},
    form({ name: "Mobile", redirectUris: "http://localhost:8080/cb", clientType: "public" }),
  );
  expect(state.registered).toEqual({ clientId: expect.any(String), clientSecret: null });
  expect(await rotateSecretAction({}, form({ clientId: state.registered!.clientId }))).toMatchObject({
    tone: "error",
  });
});

test("disable, enable and delete redirect to the page with a notice; delete returns to its confirmation", async () => {
  const { registerAppAction, disableAppAction, enableAppAction, deleteAppAction } = await actions();
  const { registered } = await registerAppAction(
    {},
    form({ name: "Intranet", redirectUris: "https://intranet.example/cb", clientType: "confidential" }),
  );
  const clientId = registered!.clientId;
  await expect(disableAppAction(form({ clientId }))).rejects.toThrow("redirect /admin/apps?done=disable");
  expect((await findClient(clientId))!.disabledAt).not.toBeNull();
  await expect(enableAppAction(form({ clientId }))).rejects.toThrow("redirect /admin/apps?done=enable");
  expect((await findClient(clientId))!.disabledAt).toBeNull();

  mockRecentSignIn.mockClear();
  await expect(deleteAppAction(form({ clientId }))).rejects.toThrow("redirect /admin/apps?done=delete");
  expect(mockRecentSignIn).toHaveBeenCalledWith("admin", `/admin/apps?confirm=delete&client=${clientId}`);
  expect(await findClient(clientId)).toBeUndefined();
  await expect(deleteAppAction(form({ clientId }))).rejects.toThrow("redirect /admin/apps?error=not-found");
  await expect(deleteAppAction(form({ clientId: "../x" }))).rejects.toThrow("redirect /admin/apps?error=not-found");
  expect(mockRecentSignIn).toHaveBeenLastCalledWith("admin", "/admin/apps");
});

test("revoking an application the user never allowed changes nothing and says so", async () => {
  const { revokeConnectedAppAction } = await import("@/app/dashboard/actions");
  await expect(revokeConnectedAppAction(form({ clientId: "never-connected" }))).rejects.toThrow(
    "redirect /dashboard?apps=not-found#connected-apps",
  );
  await expect(revokeConnectedAppAction(form({}))).rejects.toThrow("redirect /dashboard?apps=not-found#connected-apps");
});
