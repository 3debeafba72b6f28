import { randomBytes } from "node:crypto";
import { parseKeyring } from "@/lib/crypto";
import {
  formatRecoveryCode,
  normalizeRecoveryCode,
  recoveryCodeCandidates,
  recoveryCodeHash,
} from "@/lib/second-factor/recovery-code";

const CODE_SHAPE = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/;
const USER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const key = (fill: number) => Buffer.alloc(32, fill);

test("codes are two groups of five Crockford base32 characters, without i, l, o or u", () => {
  for (let i = 0; i < 200; i++) expect(formatRecoveryCode(randomBytes(10))).toMatch(CODE_SHAPE);
  expect(formatRecoveryCode(Uint8Array.from([0, 1, 2, 3, 4, 27, 28, 29, 30, 31]))).toBe("01234-vwxyz");
  // Only the low 5 bits count: 32 and 0 are the same character, so every character is equally likely.
  expect(formatRecoveryCode(Uint8Array.from([32, 33, 255, 224, 0, 0, 0, 0, 0, 0]))).toBe("01z00-00000");
  expect(() => formatRecoveryCode(new Uint8Array(9))).toThrow(RangeError);
});

describe("typed codes", () => {
  test.each([
    ["k7m2q-9xw4d", "k7m2q9xw4d"],
    ["K7M2Q-9XW4D", "k7m2q9xw4d"],
    ["k7m2q 9xw4d", "k7m2q9xw4d"],
    [" k7m2q9xw4d ", "k7m2q9xw4d"],
    ["ｋ７ｍ２ｑ－９ｘｗ４ｄ", "k7m2q9xw4d"],
    ["k7m2qー9xw4d", "k7m2q9xw4d"],
    ["k7m2q\u20149xw4d", "k7m2q9xw4d"],
    // Read off paper: O for 0, I and L for 1.
    ["Oabcd-eIfLg", "0abcde1f1g"],
  ])("%j reads as %s", (typed, stored) => {
    expect(normalizeRecoveryCode(typed)).toBe(stored);
  });

  test.each(["k7m2q-9xw4", "k7m2q-9xw4dd", "k7m2q-9xw4u", "k7m2q_9xw4d", "", "a".repeat(65), 1234567890, null])(
    "%j is not a code",
    (typed) => {
      expect(normalizeRecoveryCode(typed)).toBeNull();
    },
  );
});

describe("keyed hashes", () => {
  test("depend on the key, the user and the code, and are never the code itself", () => {
    const hash = recoveryCodeHash(key(1), USER, "k7m2q9xw4d");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("k7m2q");
    expect(recoveryCodeHash(key(1), USER, "k7m2q9xw4d")).toBe(hash);
    expect(recoveryCodeHash(key(2), USER, "k7m2q9xw4d")).not.toBe(hash);
    expect(recoveryCodeHash(key(1), "00000000-0000-4000-8000-000000000000", "k7m2q9xw4d")).not.toBe(hash);
    expect(recoveryCodeHash(key(1), USER, "k7m2q9xw4e")).not.toBe(hash);
  });

  test("a code is looked up under every key of the ring, so rotation does not void it", () => {
    const ring = parseKeyring("k2", key(2).toString("base64"), `k1:${key(1).toString("base64")}`);
    expect(recoveryCodeCandidates(ring, USER, "k7m2q9xw4d")).toEqual([
      { keyId: "k2", codeHash: recoveryCodeHash(key(2), USER, "k7m2q9xw4d") },
      { keyId: "k1", codeHash: recoveryCodeHash(key(1), USER, "k7m2q9xw4d") },
    ]);
  });
});
