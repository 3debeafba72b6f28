import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { configuredKeyring } from "@/lib/crypto";

/**
 * Client secrets are stored as keyed hashes (HMAC-SHA-256 under a key derived from the sealing
 * key): a copy of the database does not hold a usable secret. oidc-provider compares the secret
 * a client presents with the one in its metadata, so the bridge hashes the presented one first
 * and the metadata carries the hash (see bridge.ts); both sides of the comparison are hashes.
 */
function hashKey(): Buffer {
  const { current } = configuredKeyring();
  return Buffer.from(hkdfSync("sha256", current.key, Buffer.alloc(0), "matrix-portal oidc client-secret v1", 32));
}

export function hashClientSecret(clientId: string, secret: string): string {
  return createHmac("sha256", hashKey()).update(`${clientId}:${secret}`, "utf8").digest("base64url");
}

/** 256 random bits, base64url: shown once to the operator. */
export function generateClientSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function generateClientId(): string {
  return randomBytes(16).toString("base64url");
}
