/** A 256-bit AES key and the short id written into everything it seals. */
export type SealKey = { id: string; key: Buffer };

export type Keyring = {
  /** Seals everything new. */
  current: SealKey;
  /** Opens anything sealed under the current or a previous key, by key id. */
  all: Map<string, Buffer>;
};

export const KEY_BYTES = 32;

// Ids end up inside "v1.<keyId>.<data>" and in "id:base64,id:base64" lists, so they
// must not contain '.', ':' or ','.
const KEY_ID_FORMAT = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64_FORMAT = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

/** Messages name key ids but never key material. */
export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyringError";
  }
}

export function isValidKeyId(id: string): boolean {
  return KEY_ID_FORMAT.test(id);
}

export function decodeKey(id: string, base64: string): SealKey {
  if (!isValidKeyId(id)) {
    throw new KeyringError(`Key id "${id}" must be 1-32 letters, digits, '_' or '-'`);
  }
  const text = base64.trim();
  const key = BASE64_FORMAT.test(text) ? Buffer.from(text, "base64") : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) {
    throw new KeyringError(`Key "${id}" must be ${KEY_BYTES} bytes encoded in base64`);
  }
  return { id, key };
}

/**
 * Builds the keyring from settings: the current key plus, during a rotation, the previous
 * keys as "id:base64,id:base64" so patterns sealed under them still open.
 */
export function parseKeyring(currentId: string, currentBase64: string, previous?: string): Keyring {
  const current = decodeKey(currentId.trim(), currentBase64);
  const all = new Map<string, Buffer>([[current.id, current.key]]);

  const entries = (previous ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  for (const entry of entries) {
    const separator = entry.indexOf(":");
    if (separator < 0) {
      throw new KeyringError('Previous keys must be written as "id:base64,id:base64"');
    }
    const { id, key } = decodeKey(entry.slice(0, separator).trim(), entry.slice(separator + 1));
    if (all.has(id)) {
      throw new KeyringError(`Key id "${id}" appears more than once`);
    }
    all.set(id, key);
  }
  return { current, all };
}
