import { createHmac, hkdfSync } from "node:crypto";
import type { Keyring } from "@/lib/crypto";

/**
 * Recovery codes as people read and type them: 10 characters of Crockford's base32 (50 random
 * bits), shown in lowercase as two groups of five, "k7m2q-9xw4d". The alphabet has no I, L, O
 * or U, and typing I or L for 1 and O for 0 is forgiven, so a code copied from paper still works.
 */

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const RECOVERY_CODE_LENGTH = 10;

/** One code from 10 random bytes: each gives 5 uniform bits (256 is a multiple of 32). */
export function formatRecoveryCode(random: Uint8Array): string {
  if (random.length < RECOVERY_CODE_LENGTH) throw new RangeError("A recovery code needs 10 random bytes");
  const chars = Array.from(random.subarray(0, RECOVERY_CODE_LENGTH), (byte) => ALPHABET[byte & 31]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Hyphens, dashes and the long-vowel mark a Japanese keyboard gives for "-", and spaces. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30fc]/g;
const CONFUSABLE: Record<string, string> = { i: "1", l: "1", o: "0" };
const MAX_CODE_INPUT = 64;

/**
 * The code in its stored form (10 lowercase characters, no separator), or null when the input
 * cannot be one. NFKC first, so full-width letters and digits count as their ASCII selves.
 */
export function normalizeRecoveryCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > MAX_CODE_INPUT) return null;
  const compact = input
    .normalize("NFKC")
    .toLowerCase()
    .replace(SEPARATORS, "")
    .replace(/[ilo]/g, (char) => CONFUSABLE[char]!);
  if (compact.length !== RECOVERY_CODE_LENGTH) return null;
  return [...compact].every((char) => ALPHABET.includes(char)) ? compact : null;
}

/**
 * The key recovery codes are hashed with: derived (HKDF-SHA-256) from a sealing key, so it is
 * never the sealing key itself and needs no setting of its own. A code is 50 bits, few enough
 * to try them all against a plain hash from a stolen database; under this key, a database
 * without the key (kept in the environment, like PATTERN_KEY) gives nothing to try them on.
 */
function hashKey(sealingKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", sealingKey, Buffer.alloc(0), "matrix-portal recovery-code v1", 32));
}

/** The stored hash of a normalised code: HMAC-SHA-256 over the user id and the code (hex). */
export function recoveryCodeHash(sealingKey: Buffer, userId: string, normalized: string): string {
  return createHmac("sha256", hashKey(sealingKey)).update(`${userId}:${normalized}`, "utf8").digest("hex");
}

/** The hash under every key of the ring: a code stored before a key rotation still matches. */
export function recoveryCodeCandidates(keyring: Keyring, userId: string, normalized: string) {
  return [...keyring.all].map(([keyId, key]) => ({ keyId, codeHash: recoveryCodeHash(key, userId, normalized) }));
}
