import { generateToken, hashToken, isToken } from "@/lib/crypto";

describe("generateToken", () => {
  it("is 256 random bits as 43 base64url characters", () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateToken));
    expect(tokens.size).toBe(1000);
  });
});

describe("hashToken", () => {
  it("is the SHA-256 of the token in lowercase hex, the same every time", () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("differs for different tokens and does not contain the token", () => {
    const token = generateToken();
    expect(hashToken(token)).not.toBe(hashToken(generateToken()));
    expect(hashToken(token)).not.toContain(token);
  });
});

describe("isToken", () => {
  it("accepts what generateToken makes", () => {
    for (let i = 0; i < 100; i++) expect(isToken(generateToken())).toBe(true);
  });

  it("refuses other lengths, other alphabets and non-strings", () => {
    const token = generateToken();
    for (const value of [
      token.slice(1),
      `${token}A`,
      `${token.slice(1)}=`,
      `${token.slice(1)}+`,
      ` ${token.slice(1)}`,
      `${token.slice(1)}\n`,
      "",
      undefined,
      null,
      43,
      [token],
    ]) {
      expect(isToken(value)).toBe(false);
    }
  });
});
