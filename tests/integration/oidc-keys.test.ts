import "../support/test-clock";
import { compactVerify, importJWK, SignJWT } from "jose";
import { closeDb, getDb } from "@/db/client";
import { oidcSigningKeys } from "@/db/schema";
import { loadSigningKeys, RETIRED_KEY_PUBLISHED_MS, rotateSigningKeys } from "@/lib/oidc/keys";
import { now } from "@/lib/platform/clock";
import { advanceClock, resetClock } from "../support/test-clock";

/**
 * The provider's signing keys (lib/oidc/keys.ts): made once on first start even when instances
 * start together, kept sealed, rotated with the old key still published for a day.
 */

beforeAll(async () => {
  await (await getDb()).delete(oidcSigningKeys);
}, 60_000);
afterAll(() => closeDb());
afterEach(() => resetClock());

const kids = (keys: { kid?: string }[]) => keys.map((key) => key.kid);

test("ten instances starting at once make one key, and it is stored sealed", async () => {
  const loaded = await Promise.all(Array.from({ length: 10 }, () => loadSigningKeys(now())));
  const rows = await (await getDb()).select().from(oidcSigningKeys);
  expect(rows).toHaveLength(1);
  for (const keys of loaded) expect(kids(keys)).toEqual([rows[0]!.kid]);
  const [key] = loaded[0]!;
  expect(key).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
  // The private exponent is in the key the provider gets, never readable in the row.
  expect(typeof key!.d).toBe("string");
  expect(rows[0]!.sealedJwk).not.toContain(key!.d!);
  expect(rows[0]!.sealedJwk).toMatch(/^v1\./);
});

test("a rotation signs with the new key and keeps the old one published for a day", async () => {
  const [before] = await loadSigningKeys(now());
  const signed = await new SignJWT({ sub: "someone" })
    .setProtectedHeader({ alg: "RS256", kid: before!.kid })
    .sign(await importJWK(before!, "RS256"));

  const { retired, current } = await rotateSigningKeys(now());
  expect(retired).toBe(before!.kid);
  const published = await loadSigningKeys(now());
  expect(kids(published)).toEqual([current, before!.kid]);
  // A token the old key signed still verifies against what is published.
  const old = published.find((key) => key.kid === before!.kid)!;
  const publicPart = { kty: old.kty, n: old.n, e: old.e };
  await expect(compactVerify(signed, await importJWK(publicPart, "RS256"))).resolves.toBeDefined();

  advanceClock(RETIRED_KEY_PUBLISHED_MS + 60_000);
  expect(kids(await loadSigningKeys(now()))).toEqual([current]);
});
