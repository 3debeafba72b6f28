import { randomBytes } from "node:crypto";
import { KeyringError, parseKeyring } from "@/lib/crypto";

const key64 = () => randomBytes(32).toString("base64");

describe("parseKeyring", () => {
  it("holds just the current key when there are no previous keys", () => {
    const current = key64();
    for (const previous of [undefined, "", "  "]) {
      const keyring = parseKeyring("2025", current, previous);
      expect(keyring.current.id).toBe("2025");
      expect(keyring.current.key.equals(Buffer.from(current, "base64"))).toBe(true);
      expect([...keyring.all.keys()]).toEqual(["2025"]);
    }
  });

  it("adds previous keys by id, tolerating spaces and a trailing comma", () => {
    const a = key64();
    const b = randomBytes(32).toString("base64url");
    const keyring = parseKeyring("2025", key64(), ` 2024:${a} , 2023 : ${b},`);
    expect([...keyring.all.keys()]).toEqual(["2025", "2024", "2023"]);
    expect(keyring.all.get("2024")!.equals(Buffer.from(a, "base64"))).toBe(true);
    expect(keyring.all.get("2023")!.equals(Buffer.from(b, "base64url"))).toBe(true);
  });

  it("refuses keys that are not exactly 32 bytes of base64", () => {
    expect(() => parseKeyring("2025", randomBytes(16).toString("base64"))).toThrow(KeyringError);
    expect(() => parseKeyring("2025", randomBytes(33).toString("base64"))).toThrow(KeyringError);
    expect(() => parseKeyring("2025", "not base64 at all!!")).toThrow(KeyringError);
    expect(() => parseKeyring("2025", "")).toThrow(KeyringError);
    expect(() => parseKeyring("2025", key64(), `2024:${randomBytes(31).toString("base64")}`)).toThrow(KeyringError);
  });

  it("refuses key ids that would break the sealed format", () => {
    for (const id of ["", "v1.2", "a:b", "a,b", "x".repeat(33), "spaced id"]) {
      expect(() => parseKeyring(id, key64())).toThrow(KeyringError);
    }
  });

  it("refuses duplicate ids, including a previous key reusing the current id", () => {
    expect(() => parseKeyring("2025", key64(), `2025:${key64()}`)).toThrow(/appears more than once/);
    expect(() => parseKeyring("2025", key64(), `2024:${key64()},2024:${key64()}`)).toThrow(/appears more than once/);
  });

  it("refuses previous entries without an id", () => {
    expect(() => parseKeyring("2025", key64(), key64())).toThrow(/id:base64/);
  });

  it("never puts key material in its error messages", () => {
    const secret = randomBytes(31).toString("base64");
    try {
      parseKeyring("2025", secret);
      throw new Error("expected a KeyringError");
    } catch (error) {
      expect(error).toBeInstanceOf(KeyringError);
      expect((error as Error).message).not.toContain(secret);
    }
  });
});
