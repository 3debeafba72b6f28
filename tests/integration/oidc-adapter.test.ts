import "../support/test-clock";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Adapter, AdapterPayload } from "oidc-provider";
import { closeDb, getDb } from "@/db/client";
import {
  deleteExpiredOidcModels,
  findGrantsOfAccount,
  findOidcModel,
  revokeGrantsOfAccountForClient,
  upsertOidcModel,
} from "@/db/queries/oidc";
import { oidcModels } from "@/db/schema";
import { adapterFor } from "@/lib/oidc/adapter";
import { hashClientSecret } from "@/lib/oidc/client-secret";
import { changeClient, findClientMetadata, registerClient, type ClientRegistration } from "@/lib/oidc/clients";
import { now } from "@/lib/platform/clock";
import { reportFigure } from "../security/support/report";
import { testContext } from "../support/people";
import { advanceClock, resetClock } from "../support/test-clock";

/**
 * oidc-provider's storage adapter (lib/oidc/adapter.ts) on the portal's database: every model
 * the library keeps, its lookups (id, session uid, user code), consumption, expiry on the
 * portal's clock, revocation by grant; and the read-only Client model served from oidc_clients.
 * Every id is random, so the file can share a database with others (PostgreSQL workers).
 */

beforeAll(() => getDb(), 60_000);
afterAll(() => closeDb());
afterEach(() => resetClock());

const MINUTE = 60_000;

/** The models oidc-provider 9 asks an adapter for (Client is tested separately below). */
const MODELS = [
  "Session",
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "Interaction",
  "Grant",
  "ReplayDetection",
  "ClientCredentials",
  "PushedAuthorizationRequest",
  "BackchannelAuthenticationRequest",
  "DeviceCode",
  "PreAuthorizedCode",
] as const;
type Model = (typeof MODELS)[number];

/** The models whose payload carries the grant they were issued under. */
const GRANTABLE: readonly Model[] = [
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
  "PreAuthorizedCode",
];

const id = () => randomUUID().replaceAll("-", "");

/** A payload shaped like the one oidc-provider writes for `model` (the fields the adapter indexes included). */
function payloadFor(model: Model, jti: string, extra: Record<string, unknown> = {}): AdapterPayload {
  const iat = Math.floor(now().getTime() / 1000);
  const base: Record<string, unknown> = { jti, kind: model, iat, exp: iat + 600 };
  if (GRANTABLE.includes(model)) Object.assign(base, { grantId: id(), clientId: "app", accountId: randomUUID() });
  if (model === "Session")
    Object.assign(base, { uid: id(), accountId: randomUUID(), loginTs: iat, authorizations: {} });
  if (model === "DeviceCode")
    Object.assign(base, { userCode: `${id().slice(0, 4)}-${id().slice(0, 4)}`.toUpperCase() });
  if (model === "Grant") Object.assign(base, { clientId: "app", accountId: randomUUID(), openid: { scope: "openid" } });
  if (model === "Interaction")
    Object.assign(base, { params: { client_id: "app", nested: { list: [1, "two", null, true] } }, returnTo: "/x" });
  return { ...base, ...extra } as AdapterPayload;
}

/** A seconds value taken from the portal clock, as oidc-provider's epochTime() is. */
const epoch = () => Math.floor(now().getTime() / 1000);

describe.each(MODELS)("%s", (model) => {
  const adapter = () => adapterFor(model);

  test("upsert then find returns the payload; an unknown id is undefined", async () => {
    const jti = id();
    const payload = payloadFor(model, jti);
    await adapter().upsert(jti, payload, 600);
    expect(await adapter().find(jti)).toEqual(payload);
    expect(await adapter().find(id())).toBeUndefined();
  });

  test("upsert again overwrites the payload and clears consumed", async () => {
    const jti = id();
    await adapter().upsert(jti, payloadFor(model, jti, { version: 1 }), 600);
    await adapter().consume(jti);
    expect((await adapter().find(jti))!.consumed).toEqual(expect.any(Number));

    const second = payloadFor(model, jti, { version: 2 });
    await adapter().upsert(jti, second, 600);
    const found = await adapter().find(jti);
    expect(found).toEqual(second);
    expect(found).not.toHaveProperty("consumed");
  });

  test("consume marks consumed, in epoch seconds of the portal clock, on the next find", async () => {
    const jti = id();
    const payload = payloadFor(model, jti);
    await adapter().upsert(jti, payload, 24 * 3600);
    expect(await adapter().find(jti)).not.toHaveProperty("consumed");

    advanceClock(60 * MINUTE); // the portal's clock, not the system's, is the one recorded
    const before = epoch();
    await adapter().consume(jti);
    const after = epoch();
    const found = await adapter().find(jti);
    expect(typeof found!.consumed).toBe("number");
    expect(Number.isInteger(found!.consumed)).toBe(true);
    expect(found!.consumed).toBeGreaterThanOrEqual(before);
    expect(found!.consumed).toBeLessThanOrEqual(after);
    expect(found!.consumed).toBeGreaterThan(Math.floor(Date.now() / 1000) + 50 * 60);
    expect(found).toEqual({ ...payload, consumed: found!.consumed });
  });

  test("consume of an unknown id is refused (invalid_grant); destroy of one does nothing", async () => {
    await expect(adapter().consume(id())).rejects.toMatchObject({ error: "invalid_grant", statusCode: 400 });
    await expect(adapter().destroy(id())).resolves.toBeUndefined();
  });

  test("destroy removes it", async () => {
    const jti = id();
    const payload = payloadFor(model, jti);
    await adapter().upsert(jti, payload, 600);
    await adapter().destroy(jti);
    expect(await adapter().find(jti)).toBeUndefined();
    if (model === "Session") expect(await adapter().findByUid(payload.uid as string)).toBeUndefined();
    if (model === "DeviceCode") expect(await adapter().findByUserCode(payload.userCode as string)).toBeUndefined();
  });

  test("it is gone once expiresIn has passed on the portal clock", async () => {
    const jti = id();
    const payload = payloadFor(model, jti);
    await adapter().upsert(jti, payload, 60);
    advanceClock(59_000);
    expect(await adapter().find(jti)).toEqual(payload);
    advanceClock(2_000);
    expect(await adapter().find(jti)).toBeUndefined();
    if (model === "Session") expect(await adapter().findByUid(payload.uid as string)).toBeUndefined();
    if (model === "DeviceCode") expect(await adapter().findByUserCode(payload.userCode as string)).toBeUndefined();
  });

  test("an upsert over an expired row brings it back with the new expiry, unconsumed", async () => {
    const jti = id();
    await adapter().upsert(jti, payloadFor(model, jti, { version: 1 }), 60);
    await adapter().consume(jti);
    advanceClock(2 * MINUTE);
    expect(await adapter().find(jti)).toBeUndefined();
    const again = payloadFor(model, jti, { version: 2 });
    await adapter().upsert(jti, again, 60);
    expect(await adapter().find(jti)).toEqual(again);
    advanceClock(61_000);
    expect(await adapter().find(jti)).toBeUndefined();
  });

  test("with no expiresIn it does not expire", async () => {
    const jti = id();
    const payload = payloadFor(model, jti);
    await adapter().upsert(jti, payload, undefined as unknown as number);
    advanceClock(365 * 24 * 60 * MINUTE);
    expect(await adapter().find(jti)).toEqual(payload);
  });

  test("its id does not leak into another model, nor another model's into it", async () => {
    const jti = id();
    const mine = payloadFor(model, jti, { owner: model });
    await adapter().upsert(jti, mine, 600);
    for (const other of MODELS.filter((m) => m !== model)) expect(await adapterFor(other).find(jti)).toBeUndefined();

    // The same id under another model is a separate row: consume and destroy there leave this one.
    const other = MODELS.find((m) => m !== model)!;
    const theirs = payloadFor(other, jti, { owner: other });
    await adapterFor(other).upsert(jti, theirs, 600);
    expect(await adapter().find(jti)).toEqual(mine);
    expect(await adapterFor(other).find(jti)).toEqual(theirs);
    await adapterFor(other).consume(jti);
    expect(await adapter().find(jti)).not.toHaveProperty("consumed");
    await adapterFor(other).destroy(jti);
    expect(await adapter().find(jti)).toEqual(mine);
    // An upsert there does not clear this one's consumed either.
    await adapter().consume(jti);
    await adapterFor(other).upsert(jti, theirs, 600);
    expect((await adapter().find(jti))!.consumed).toEqual(expect.any(Number));
  });

  test("the payload is stored as a JSON object (queryable with ->>)", async () => {
    const jti = id();
    await adapter().upsert(jti, payloadFor(model, jti), 600);
    const [row] = await (
      await getDb()
    )
      .select({
        type: sql<string>`jsonb_typeof(${oidcModels.payload})`,
        jti: sql<string>`${oidcModels.payload}->>'jti'`,
      })
      .from(oidcModels)
      .where(and(eq(oidcModels.model, model), eq(oidcModels.id, jti)));
    expect(row).toEqual({ type: "object", jti });
  });
});

describe("findByUid and findByUserCode", () => {
  test("a Session is found by its uid, with consumed, and not by another model's adapter", async () => {
    const jti = id();
    const session = payloadFor("Session", jti);
    await adapterFor("Session").upsert(jti, session, 600);
    expect(await adapterFor("Session").findByUid(session.uid as string)).toEqual(session);
    expect(await adapterFor("Session").findByUid(id())).toBeUndefined();
    expect(await adapterFor("Interaction").findByUid(session.uid as string)).toBeUndefined();
    expect(await adapterFor("AccessToken").findByUid(session.uid as string)).toBeUndefined();
    await adapterFor("Session").consume(jti);
    expect((await adapterFor("Session").findByUid(session.uid as string))!.consumed).toEqual(expect.any(Number));
  });

  test("a Session's uid follows an upsert that changes it", async () => {
    const jti = id();
    const first = payloadFor("Session", jti);
    await adapterFor("Session").upsert(jti, first, 600);
    const second = payloadFor("Session", jti); // a new uid (as after a session's regeneration)
    await adapterFor("Session").upsert(jti, second, 600);
    expect(await adapterFor("Session").findByUid(first.uid as string)).toBeUndefined();
    expect(await adapterFor("Session").findByUid(second.uid as string)).toEqual(second);
  });

  test("a DeviceCode is found by its user code, and not by another model's adapter", async () => {
    const jti = id();
    const code = payloadFor("DeviceCode", jti);
    await adapterFor("DeviceCode").upsert(jti, code, 600);
    expect(await adapterFor("DeviceCode").findByUserCode(code.userCode as string)).toEqual(code);
    expect(await adapterFor("DeviceCode").findByUserCode("NOPE-NOPE")).toBeUndefined();
    expect(
      await adapterFor("BackchannelAuthenticationRequest").findByUserCode(code.userCode as string),
    ).toBeUndefined();
    await adapterFor("DeviceCode").consume(jti);
    expect((await adapterFor("DeviceCode").findByUserCode(code.userCode as string))!.consumed).toEqual(
      expect.any(Number),
    );
  });
});

describe("revokeByGrantId", () => {
  test("removes every row with that grantId, whatever its model, and leaves the others", async () => {
    const grantId = id();
    const otherGrantId = id();
    const revoked = GRANTABLE.map((model) => ({ model, jti: id() }));
    for (const { model, jti } of revoked) await adapterFor(model).upsert(jti, payloadFor(model, jti, { grantId }), 600);

    const kept: { model: Model; jti: string; payload: AdapterPayload }[] = [];
    const keep = async (model: Model, jti: string, payload: AdapterPayload) => {
      await adapterFor(model).upsert(jti, payload, 600);
      kept.push({ model, jti, payload });
    };
    // The Grant itself (its id is the grantId; its payload has none) is destroyed by oidc-provider separately.
    await keep("Grant", grantId, payloadFor("Grant", grantId));
    for (const model of GRANTABLE) {
      const jti = id();
      await keep(model, jti, payloadFor(model, jti, { grantId: otherGrantId }));
    }
    const session = id();
    await keep("Session", session, payloadFor("Session", session, { authorizations: { app: { grantId } } }));
    const plain = id();
    await keep("AccessToken", plain, payloadFor("AccessToken", plain, { grantId: undefined }));

    await adapterFor("AccessToken").revokeByGrantId!(grantId);

    for (const { model, jti } of revoked) expect(await adapterFor(model).find(jti)).toBeUndefined();
    for (const { model, jti, payload } of kept) expect(await adapterFor(model).find(jti)).toEqual(payload);
  });

  test("any model's adapter revokes the whole grant; an unknown grantId is a no-op", async () => {
    const grantId = id();
    const token = id();
    const code = id();
    await adapterFor("RefreshToken").upsert(token, payloadFor("RefreshToken", token, { grantId }), 600);
    await adapterFor("AuthorizationCode").upsert(code, payloadFor("AuthorizationCode", code, { grantId }), 600);
    await expect(adapterFor("DeviceCode").revokeByGrantId!(id())).resolves.toBeUndefined();
    expect(await adapterFor("RefreshToken").find(token)).toBeDefined();
    await adapterFor("DeviceCode").revokeByGrantId!(grantId);
    expect(await adapterFor("RefreshToken").find(token)).toBeUndefined();
    expect(await adapterFor("AuthorizationCode").find(code)).toBeUndefined();
  });

  test("an upsert that moves a token to another grant moves it out of the old one", async () => {
    const [oldGrant, newGrant, jti] = [id(), id(), id()];
    await adapterFor("AccessToken").upsert(jti, payloadFor("AccessToken", jti, { grantId: oldGrant }), 600);
    const moved = payloadFor("AccessToken", jti, { grantId: newGrant });
    await adapterFor("AccessToken").upsert(jti, moved, 600);
    await adapterFor("AccessToken").revokeByGrantId!(oldGrant);
    expect(await adapterFor("AccessToken").find(jti)).toEqual(moved);
    await adapterFor("AccessToken").revokeByGrantId!(newGrant);
    expect(await adapterFor("AccessToken").find(jti)).toBeUndefined();
  });
});

describe("the other queries on oidc_models", () => {
  test("deleteExpiredOidcModels sweeps the expired rows only", async () => {
    const db = await getDb();
    const [expired, live, forever] = [id(), id(), id()];
    await adapterFor("AccessToken").upsert(expired, payloadFor("AccessToken", expired), 60);
    await adapterFor("AccessToken").upsert(live, payloadFor("AccessToken", live), 3600);
    await adapterFor("AccessToken").upsert(forever, payloadFor("AccessToken", forever), 0);
    advanceClock(2 * MINUTE);
    const swept = await deleteExpiredOidcModels(db, now());
    expect(swept).toBeGreaterThanOrEqual(1);
    const rows = await db.select({ id: oidcModels.id }).from(oidcModels).where(eq(oidcModels.model, "AccessToken"));
    const ids = new Set(rows.map((row) => row.id));
    expect(ids.has(expired)).toBe(false);
    expect(ids.has(live)).toBe(true);
    expect(ids.has(forever)).toBe(true);
  });

  test("findOidcModel reads an exact expiry instant as expired", async () => {
    const db = await getDb();
    const jti = id();
    const at = new Date(Date.now() + MINUTE);
    await upsertOidcModel(db, { model: "AccessToken", id: jti, payload: { jti }, expiresAt: at });
    expect(await findOidcModel(db, "AccessToken", { column: "id", value: jti }, new Date(at.getTime() - 1))).toEqual({
      payload: { jti },
      consumedAt: null,
    });
    expect(await findOidcModel(db, "AccessToken", { column: "id", value: jti }, at)).toBeUndefined();
  });

  test("findGrantsOfAccount lists the user's live grants newest first; revokeGrantsOfAccountForClient ends one client's", async () => {
    const db = await getDb();
    const accountId = randomUUID();
    const [older, newer, otherClient, expiring] = [id(), id(), id(), id()];
    const grant = (jti: string, clientId: string, iat: number, scope: string) =>
      payloadFor("Grant", jti, { accountId, clientId, iat, openid: { scope } });
    const t = epoch();
    await adapterFor("Grant").upsert(older, grant(older, "app-a", t - 100, "openid email"), 3600);
    await adapterFor("Grant").upsert(newer, grant(newer, "app-a", t - 10, "openid"), 3600);
    await adapterFor("Grant").upsert(otherClient, grant(otherClient, "app-b", t - 50, "openid profile"), 3600);
    await adapterFor("Grant").upsert(expiring, grant(expiring, "app-c", t - 5, "openid"), 60);
    // Tokens under them, and someone else's grant for the same client.
    const [tokenA, tokenB, strangerGrant] = [id(), id(), id()];
    await adapterFor("AccessToken").upsert(tokenA, payloadFor("AccessToken", tokenA, { grantId: older }), 600);
    await adapterFor("RefreshToken").upsert(tokenB, payloadFor("RefreshToken", tokenB, { grantId: otherClient }), 600);
    await adapterFor("Grant").upsert(strangerGrant, payloadFor("Grant", strangerGrant, { clientId: "app-a" }), 3600);

    advanceClock(2 * MINUTE);
    // issuedAt is typed number, but `(payload->>'iat')::bigint` comes back as a string from
    // postgres.js (a number from PGlite); compared as numbers, as `issuedAt * 1000` in grants.ts does.
    const grantsOf = async () =>
      (await findGrantsOfAccount(db, accountId, now())).map((g) => ({ ...g, issuedAt: Number(g.issuedAt) }));
    expect(await grantsOf()).toEqual([
      { id: newer, clientId: "app-a", scope: "openid", issuedAt: t - 10 },
      { id: otherClient, clientId: "app-b", scope: "openid profile", issuedAt: t - 50 },
      { id: older, clientId: "app-a", scope: "openid email", issuedAt: t - 100 },
    ]);

    expect((await revokeGrantsOfAccountForClient(db, accountId, "app-a")).sort()).toEqual([older, newer].sort());
    expect(await grantsOf()).toEqual([
      { id: otherClient, clientId: "app-b", scope: "openid profile", issuedAt: t - 50 },
    ]);
    expect(await adapterFor("AccessToken").find(tokenA)).toBeUndefined();
    expect(await adapterFor("RefreshToken").find(tokenB)).toBeDefined();
    expect(await adapterFor("Grant").find(strangerGrant)).toBeDefined();
  });
});

describe("concurrency", () => {
  const RACERS = 50;

  test(`${RACERS} concurrent consumes of one code: exactly one wins, the others are refused and revoke its grant`, async () => {
    const jti = id();
    const grantId = id();
    const payload = { ...payloadFor("AuthorizationCode", jti), grantId };
    await adapterFor("AuthorizationCode").upsert(jti, payload, 600);
    const access = id();
    await adapterFor("AccessToken").upsert(access, { ...payloadFor("AccessToken", access), grantId }, 600);
    const results = await Promise.allSettled(
      Array.from({ length: RACERS }, () => adapterFor("AuthorizationCode").consume(jti)),
    );
    const refused = results.filter((result) => result.status === "rejected");
    expect(results.length - refused.length).toBe(1);
    for (const result of refused)
      expect((result as PromiseRejectedResult).reason).toMatchObject({ error: "invalid_grant" });
    // A replay revokes what was issued under the grant, the code included.
    expect(await adapterFor("AccessToken").find(access)).toBeUndefined();
    expect(await adapterFor("AuthorizationCode").find(jti)).toBeUndefined();
    reportFigure(`oidc adapter: ${RACERS} concurrent consumes of one code -> 1 won, ${refused.length} invalid_grant`);
  });

  test("a second consume of a code is refused with invalid_grant", async () => {
    const jti = id();
    await adapterFor("AuthorizationCode").upsert(jti, payloadFor("AuthorizationCode", jti), 600);
    await adapterFor("AuthorizationCode").consume(jti);
    await expect(adapterFor("AuthorizationCode").consume(jti)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  test(`${RACERS} concurrent upserts of one id leave exactly one of their payloads`, async () => {
    const jti = id();
    const payloads = Array.from({ length: RACERS }, (_, n) => payloadFor("Session", jti, { n }));
    await Promise.all(payloads.map((payload) => adapterFor("Session").upsert(jti, payload, 600)));
    const found = await adapterFor("Session").find(jti);
    expect(payloads).toContainEqual(found);
    expect(await adapterFor("Session").findByUid(found!.uid as string)).toEqual(found);
    const db = await getDb();
    const rows = await db
      .select({ id: oidcModels.id })
      .from(oidcModels)
      .where(and(eq(oidcModels.model, "Session"), eq(oidcModels.id, jti)));
    expect(rows).toHaveLength(1);
  });

  test(`${RACERS} upserts and consumes of one id interleaved: only invalid_grant refusals, one row`, async () => {
    const jti = id();
    await adapterFor("RefreshToken").upsert(jti, payloadFor("RefreshToken", jti), 600);
    const results = await Promise.allSettled(
      Array.from({ length: RACERS }, (_, n) =>
        n % 2
          ? adapterFor("RefreshToken").consume(jti)
          : adapterFor("RefreshToken").upsert(jti, payloadFor("RefreshToken", jti, { n }), 600),
      ),
    );
    for (const result of results)
      if (result.status === "rejected") expect(result.reason).toMatchObject({ error: "invalid_grant" });
    // A consume that lost the race revokes the grant: the token is then gone, or rewritten by a later upsert.
    const found = await adapterFor("RefreshToken").find(jti);
    if (found) expect(found).toEqual(expect.objectContaining({ jti, n: expect.any(Number) }));
    const rows = await (
      await getDb()
    )
      .select({ id: oidcModels.id })
      .from(oidcModels)
      .where(and(eq(oidcModels.model, "RefreshToken"), eq(oidcModels.id, jti)));
    expect(rows.length).toBeLessThanOrEqual(1);
  });

  test(`${RACERS} distinct tokens written at once are each found`, async () => {
    const jtis = Array.from({ length: RACERS }, id);
    await Promise.all(jtis.map((jti) => adapterFor("AccessToken").upsert(jti, payloadFor("AccessToken", jti), 600)));
    const found = await Promise.all(jtis.map((jti) => adapterFor("AccessToken").find(jti)));
    expect(found.map((payload) => payload?.jti)).toEqual(jtis);
  });
});

describe("Client", () => {
  const client = (): Adapter => adapterFor("Client");
  const operator = randomUUID();
  const registration = (extra: Partial<ClientRegistration> = {}): ClientRegistration => ({
    name: `App ${id().slice(0, 6)}`,
    redirectUris: ["https://app.example/callback", "http://127.0.0.1:8080/cb"],
    postLogoutRedirectUris: ["https://app.example/signed-out"],
    scopes: ["openid", "email"],
    ...extra,
  });

  test("a confidential client's metadata carries the hash of its secret, never the secret", async () => {
    const { clientId, clientSecret } = await registerClient(registration(), null, testContext());
    expect(clientSecret).toEqual(expect.any(String));
    const metadata = await client().find(clientId);
    expect(metadata).toMatchObject({
      client_id: clientId,
      redirect_uris: ["https://app.example/callback", "http://127.0.0.1:8080/cb"],
      post_logout_redirect_uris: ["https://app.example/signed-out"],
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_basic",
    });
    expect(metadata!.scope).toBe("openid email");
    expect(metadata!.client_secret).toEqual(expect.any(String));
    expect(metadata!.client_secret).not.toBe(clientSecret);
    expect(JSON.stringify(metadata)).not.toContain(clientSecret!);
    expect(metadata!.client_secret).toBe(hashClientSecret(clientId, clientSecret!));
    expect(await findClientMetadata(clientId)).toEqual(metadata);
  });

  test("a public client authenticates with none and has no secret; offline_access allows refresh tokens", async () => {
    const { clientId, clientSecret } = await registerClient(
      registration({ confidential: false, scopes: ["email", "offline_access"] }),
      null,
      testContext(),
    );
    expect(clientSecret).toBeNull();
    const metadata = await client().find(clientId);
    expect(metadata).toMatchObject({ client_id: clientId, token_endpoint_auth_method: "none" });
    expect(metadata).not.toHaveProperty("client_secret");
    expect(metadata!.grant_types).toEqual(["authorization_code", "refresh_token"]);
    expect((metadata!.scope as string).split(" ").sort()).toEqual(["email", "offline_access", "openid"]);
  });

  test("disabled it is unknown, enabled it is back, deleted it is gone", async () => {
    const { clientId } = await registerClient(registration(), null, testContext());
    expect(await client().find(clientId)).toMatchObject({ client_id: clientId });

    expect(await changeClient(clientId, "disable", operator, testContext())).toEqual({ clientSecret: null });
    expect(await client().find(clientId)).toBeUndefined();

    expect(await changeClient(clientId, "enable", operator, testContext())).toEqual({ clientSecret: null });
    expect(await client().find(clientId)).toMatchObject({ client_id: clientId });

    expect(await changeClient(clientId, "delete", operator, testContext())).toEqual({ clientSecret: null });
    expect(await client().find(clientId)).toBeUndefined();
    expect(await changeClient(clientId, "enable", operator, testContext())).toBeNull();
    expect(await client().find(clientId)).toBeUndefined();
  });

  test("a rotated secret replaces the hash in the metadata", async () => {
    const { clientId, clientSecret } = await registerClient(registration(), null, testContext());
    const rotated = await changeClient(clientId, "rotate-secret", operator, testContext());
    expect(rotated!.clientSecret).toEqual(expect.any(String));
    expect(rotated!.clientSecret).not.toBe(clientSecret);
    const metadata = await client().find(clientId);
    expect(metadata!.client_secret).toBe(hashClientSecret(clientId, rotated!.clientSecret!));
    expect(metadata!.client_secret).not.toBe(hashClientSecret(clientId, clientSecret!));
  });

  test("an unknown client is undefined, and a Client row in oidc_models is not a client", async () => {
    expect(await client().find(id())).toBeUndefined();
    const fake = id();
    await upsertOidcModel(await getDb(), {
      model: "Client",
      id: fake,
      payload: { client_id: fake, redirect_uris: ["https://evil.example/"] },
      expiresAt: null,
    });
    expect(await client().find(fake)).toBeUndefined();
  });

  test("upsert throws: clients are registered by the operator only", async () => {
    const { clientId } = await registerClient(registration(), null, testContext());
    await expect(
      client().upsert(clientId, { client_id: clientId, redirect_uris: ["https://evil.example/"] }, 0),
    ).rejects.toThrow();
    await expect(client().upsert(id(), { client_id: "x" }, 0)).rejects.toThrow();
    expect((await client().find(clientId))!.redirect_uris).toEqual([
      "https://app.example/callback",
      "http://127.0.0.1:8080/cb",
    ]);
  });
});
