import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { KEY_BYTES, isValidKeyId, type SealKey } from "./keyring";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL_FORMAT = /^[A-Za-z0-9_-]+$/;

export type SealErrorCode =
  | "malformed" // not a "v1.<keyId>.<base64url>" string we could have produced
  | "unknown-key" // sealed under a key id the keyring does not hold
  | "cannot-open" // wrong key, wrong context (e.g. another user) or tampered bytes
  | "unexpected-content"; // opened, but not the kind of value the caller expected

/** Carries a code for the caller to branch on; messages never include sealed content. */
export class SealError extends Error {
  constructor(readonly code: SealErrorCode) {
    super(`Sealed value could not be opened (${code})`);
    this.name = "SealError";
  }
}

/**
 * Encrypts a JSON value with AES-256-GCM. `context` is authenticated but not stored: the
 * value opens only with the same context, so data sealed for one purpose or one user
 * cannot be replayed as another's.
 */
export function sealJson(value: unknown, context: string, key: SealKey): string {
  if (!isValidKeyId(key.id) || key.key.length !== KEY_BYTES) {
    throw new TypeError("Sealing needs a valid key id and a 32-byte key");
  }
  const plaintext = JSON.stringify(value) as string | undefined;
  if (plaintext === undefined) {
    throw new TypeError("Only JSON values can be sealed");
  }
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const payload = Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
  return `${VERSION}.${key.id}.${payload.toString("base64url")}`;
}

export function openJson(sealed: string, context: string, keys: ReadonlyMap<string, Buffer>): unknown {
  const { keyId, payload } = parseSealed(sealed);
  const key = keys.get(keyId);
  if (key === undefined) {
    throw new SealError("unknown-key");
  }
  const iv = payload.subarray(0, IV_BYTES);
  const ciphertext = payload.subarray(IV_BYTES, payload.length - TAG_BYTES);
  const tag = payload.subarray(payload.length - TAG_BYTES);
  let plaintext: string;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SealError("cannot-open");
  }
  // Authenticated bytes were produced by sealJson, so they are valid JSON.
  return JSON.parse(plaintext) as unknown;
}

function parseSealed(sealed: unknown): { keyId: string; payload: Buffer } {
  const parts = typeof sealed === "string" ? sealed.split(".") : [];
  const [version, keyId, data] = parts;
  if (
    parts.length !== 3 ||
    version !== VERSION ||
    keyId === undefined ||
    !isValidKeyId(keyId) ||
    data === undefined ||
    !BASE64URL_FORMAT.test(data)
  ) {
    throw new SealError("malformed");
  }
  const payload = Buffer.from(data, "base64url");
  // Reject non-canonical encodings and payloads too short to hold an IV, a byte and a tag.
  if (payload.toString("base64url") !== data || payload.length <= IV_BYTES + TAG_BYTES) {
    throw new SealError("malformed");
  }
  return { keyId, payload };
}

function patternContext(userId: string): string {
  return `matrix-pattern:${userId}`;
}

/** Seals a user's matrix pattern, bound to that user: it will not open for anyone else. */
export function sealPattern(pattern: readonly number[], userId: string, key: SealKey): string {
  return sealJson(pattern, patternContext(userId), key);
}

export function openPattern(sealed: string, userId: string, keys: ReadonlyMap<string, Buffer>): number[] {
  const value = openJson(sealed, patternContext(userId), keys);
  const isPattern =
    Array.isArray(value) && value.every((cell) => typeof cell === "number" && Number.isSafeInteger(cell) && cell >= 0);
  if (!isPattern) {
    throw new SealError("unexpected-content");
  }
  return value as number[];
}
