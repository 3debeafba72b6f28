import { randomBytes } from "node:crypto";
import fc from "fast-check";
import {
  SealError,
  openJson,
  openPattern,
  parseKeyring,
  sealJson,
  sealPattern,
  type SealErrorCode,
  type SealKey,
} from "@/lib/crypto";

const newKey = (id: string): SealKey => ({ id, key: randomBytes(32) });
const keyringOf = (...keys: SealKey[]) => new Map(keys.map((k) => [k.id, k.key]));

const alice = "3f1c8a52-0000-4000-8000-000000000001";
const bob = "3f1c8a52-0000-4000-8000-000000000002";
const pattern = [3, 17, 17, 40, 5, 9, 22, 47];

function sealErrorCode(open: () => unknown): SealErrorCode | "no error" {
  try {
    open();
    return "no error";
  } catch (error) {
    expect(error).toBeInstanceOf(SealError);
    return (error as SealError).code;
  }
}

/** Flips one bit in the decoded payload and re-encodes it. */
function flipByte(sealed: string, at: number): string {
  const [version, keyId, data] = sealed.split(".") as [string, string, string];
  const bytes = Buffer.from(data, "base64url");
  bytes[at] = bytes[at]! ^ 0x01;
  return `${version}.${keyId}.${bytes.toString("base64url")}`;
}

/** Same bytes, but with the unused low bits of the last character set: not canonical. */
function nonCanonical(data: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const last = alphabet.indexOf(data.slice(-1));
  const variant = `${data.slice(0, -1)}${alphabet[last ^ 1]}`;
  expect(Buffer.from(variant, "base64url").equals(Buffer.from(data, "base64url"))).toBe(true);
  return variant;
}

describe("sealPattern / openPattern", () => {
  const key = newKey("k2025");
  const keys = keyringOf(key);

  it("round-trips a pattern for its user", () => {
    const sealed = sealPattern(pattern, alice, key);
    expect(sealed).toMatch(/^v1\.k2025\.[A-Za-z0-9_-]+$/);
    expect(openPattern(sealed, alice, keys)).toEqual(pattern);
  });

  it("never shows the pattern in the sealed text, and seals the same pattern differently each time", () => {
    const a = sealPattern(pattern, alice, key);
    const b = sealPattern(pattern, alice, key);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.split(".")[2]!, "base64url").toString("latin1")).not.toContain("3,17");
  });

  it("will not open a pattern copied onto another user's row", () => {
    const sealed = sealPattern(pattern, alice, key);
    expect(sealErrorCode(() => openPattern(sealed, bob, keys))).toBe("cannot-open");
  });

  it("will not open under the wrong key with the same id", () => {
    const sealed = sealPattern(pattern, alice, key);
    const impostor = keyringOf({ id: "k2025", key: randomBytes(32) });
    expect(sealErrorCode(() => openPattern(sealed, alice, impostor))).toBe("cannot-open");
  });

  it("detects a flipped bit anywhere: IV, ciphertext or tag", () => {
    const sealed = sealPattern(pattern, alice, key);
    const length = Buffer.from(sealed.split(".")[2]!, "base64url").length;
    for (const at of [0, 11, 12, 20, length - 16, length - 1]) {
      expect(sealErrorCode(() => openPattern(flipByte(sealed, at), alice, keys))).toBe("cannot-open");
    }
  });

  it("refuses a key id the keyring does not hold", () => {
    const sealed = sealPattern(pattern, alice, newKey("retired"));
    expect(sealErrorCode(() => openPattern(sealed, alice, keys))).toBe("unknown-key");
  });

  it("refuses to re-label a sealed value with another key id", () => {
    const other = newKey("other");
    const sealed = sealPattern(pattern, alice, key).replace("v1.k2025.", "v1.other.");
    expect(sealErrorCode(() => openPattern(sealed, alice, keyringOf(key, other)))).toBe("cannot-open");
  });

  it("refuses malformed strings", () => {
    const good = sealPattern(pattern, alice, key);
    const data = good.split(".")[2]!;
    const malformed = [
      "",
      "v1",
      "v1.k2025",
      `v2.k2025.${data}`,
      `v1.k2025.${data}.extra`,
      `v1..${data}`,
      `v1.bad key.${data}`,
      `v1.k2025.${data}!`,
      `v1.k2025.${data}=`,
      "v1.k2025.",
      `v1.k2025.${Buffer.alloc(28).toString("base64url")}`,
      nonCanonical(data),
    ];
    for (const sealed of malformed) {
      expect(sealErrorCode(() => openPattern(sealed, alice, keys))).toBe("malformed");
    }
    expect(sealErrorCode(() => openPattern(null as unknown as string, alice, keys))).toBe("malformed");
  });

  it("refuses sealed content that is not a pattern", () => {
    for (const value of [{ cells: pattern }, [1, -2], [1, 1.5], ["1"], "1,2,3"]) {
      const sealed = sealJson(value, `matrix-pattern:${alice}`, key);
      expect(sealErrorCode(() => openPattern(sealed, alice, keys))).toBe("unexpected-content");
    }
  });

  it("error messages never carry sealed content", () => {
    const sealed = sealPattern(pattern, alice, key);
    expect(() => openPattern(sealed, bob, keys)).toThrow("Sealed value could not be opened (cannot-open)");
  });

  it("round-trips any pattern for any user id (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 47 }), { minLength: 8, maxLength: 15 }), fc.string(), (cells, userId) => {
        expect(openPattern(sealPattern(cells, userId, key), userId, keys)).toEqual(cells);
      }),
      { numRuns: 200 },
    );
  });
});

describe("key rotation", () => {
  const keyIdOf = (sealed: string) => sealed.split(".")[1];

  it("opens patterns sealed under a previous key after rotation, and reseals them under the current key", () => {
    const oldKey = newKey("2024");
    const sealedBefore = sealPattern(pattern, alice, oldKey);

    const newKeyBase64 = randomBytes(32).toString("base64");
    const keyring = parseKeyring("2025", newKeyBase64, `2024:${oldKey.key.toString("base64")}`);

    expect(openPattern(sealedBefore, alice, keyring.all)).toEqual(pattern);
    expect(keyIdOf(sealedBefore)).toBe("2024");

    const resealed = sealPattern(openPattern(sealedBefore, alice, keyring.all), alice, keyring.current);
    expect(keyIdOf(resealed)).toBe("2025");
    expect(openPattern(resealed, alice, keyring.all)).toEqual(pattern);
  });

  it("once the previous key is retired, only resealed patterns still open", () => {
    const oldKey = newKey("2024");
    const sealedBefore = sealPattern(pattern, alice, oldKey);
    const during = parseKeyring("2025", randomBytes(32).toString("base64"), `2024:${oldKey.key.toString("base64")}`);
    const resealed = sealPattern(openPattern(sealedBefore, alice, during.all), alice, during.current);

    const after = keyringOf(during.current);
    expect(sealErrorCode(() => openPattern(sealedBefore, alice, after))).toBe("unknown-key");
    expect(openPattern(resealed, alice, after)).toEqual(pattern);
  });
});

describe("sealJson / openJson", () => {
  const key = newKey("k1");
  const keys = keyringOf(key);

  it("round-trips JSON values bound to a context", () => {
    const draft = { email: "a@example.com", pattern: [1, 2, 3], note: "日本語" };
    const sealed = sealJson(draft, "onboarding-draft:session-1", key);
    expect(openJson(sealed, "onboarding-draft:session-1", keys)).toEqual(draft);
    expect(sealErrorCode(() => openJson(sealed, "onboarding-draft:session-2", keys))).toBe("cannot-open");
  });

  it("keeps one feature's sealed data from opening as another's", () => {
    const sealed = sealJson(pattern, `onboarding-draft:${alice}`, key);
    expect(sealErrorCode(() => openPattern(sealed, alice, keys))).toBe("cannot-open");
  });

  it("refuses values JSON cannot carry and invalid keys", () => {
    expect(() => sealJson(undefined, "ctx", key)).toThrow(TypeError);
    expect(() => sealJson(1, "ctx", { id: "short", key: randomBytes(16) })).toThrow(TypeError);
    expect(() => sealJson(1, "ctx", { id: "has.dot", key: randomBytes(32) })).toThrow(TypeError);
  });
});
