import { randomUUID } from "node:crypto";
import { isUuid } from "@/db/ids";

describe("isUuid", () => {
  it("accepts UUIDs in either case", () => {
    const id = randomUUID();
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toUpperCase())).toBe(true);
  });

  it("accepts only the hyphenated 8-4-4-4-12 form, and nothing that is not a string", () => {
    const id = randomUUID();
    for (const value of [
      id.slice(1),
      `${id}0`,
      id.replaceAll("-", ""),
      `{${id}}`,
      ` ${id}`,
      id.replace(/[0-9a-f]$/, "g"),
      "",
      undefined,
      null,
      1,
    ]) {
      expect(isUuid(value)).toBe(false);
    }
  });
});
