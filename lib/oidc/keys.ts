import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { getDb, transaction } from "@/db/client";
import { findPublishedSigningKeys, insertCurrentSigningKey, retireCurrentSigningKey } from "@/db/queries/oidc";
import { configuredKeyring, openJson, sealJson } from "@/lib/crypto";

/**
 * The provider's signing keys: RS256 (what every OpenID Connect client must accept), generated
 * on first start and kept sealed in the database, never in a file. A retired key stays
 * published for a day, longer than any ID token or access token it signed lives (an hour).
 */
export const RETIRED_KEY_PUBLISHED_MS = 24 * 60 * 60 * 1000;

const keyContext = (kid: string) => `oidc-signing-key:${kid}`;

async function newSigningKey(now: Date) {
  const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const kid = randomBytes(12).toString("base64url");
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: "RS256", use: "sig" };
  return { kid, sealedJwk: sealJson(jwk, keyContext(kid), configuredKeyring().current), now };
}

/** The published private JWKs, the current (signing) one first; makes the first one if there is none. */
export async function loadSigningKeys(now: Date): Promise<JWK[]> {
  const db = await getDb();
  let rows = await findPublishedSigningKeys(db, new Date(now.getTime() - RETIRED_KEY_PUBLISHED_MS));
  if (!rows.some((row) => row.current)) {
    // Two instances starting at once: the unique "current" column lets one insert win.
    await insertCurrentSigningKey(db, await newSigningKey(now));
    rows = await findPublishedSigningKeys(db, new Date(now.getTime() - RETIRED_KEY_PUBLISHED_MS));
  }
  const { all } = configuredKeyring();
  return rows.flatMap((row) => {
    try {
      return [openJson(row.sealedJwk, keyContext(row.kid), all) as JWK];
    } catch (error) {
      // A retired key sealed under a PATTERN_KEY since dropped is only no longer published;
      // without the current one the provider cannot sign at all: say so at start.
      if (row.current) throw error;
      return [];
    }
  });
}

/** A new current key; the old one is retired but still published (npm run oidc:rotate-keys). */
export async function rotateSigningKeys(now: Date): Promise<{ retired: string | null; current: string }> {
  const key = await newSigningKey(now);
  return transaction(async (tx) => {
    const retired = await retireCurrentSigningKey(tx, now);
    await insertCurrentSigningKey(tx, key);
    return { retired, current: key.kid };
  });
}

/** The key ids published now, for the provider to notice a rotation made by another process. */
export async function publishedKeyIds(now: Date): Promise<string> {
  const rows = await findPublishedSigningKeys(await getDb(), new Date(now.getTime() - RETIRED_KEY_PUBLISHED_MS));
  return rows.map((row) => row.kid).join(",");
}
